package io.dltjdbc.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * dlt's coercion table (type_helpers._COERCE_DISPATCH): fits a value of one dlt type into a column of another
 * and converts it to the Java class the loaders expect. Returns {@link #FAILED} instead of throwing, because a
 * failure is an ordinary outcome (the value then goes to a variant column).
 */
final class Coercion {
    static final Object FAILED = new Object();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Coercion() {
    }

    /** Converts {@code v}, whose own type is {@code from}, into a value of a {@code to} column, or FAILED. */
    static Object coerce(DltType to, DltType from, Object v) {
        if (to == from) {
            return sameType(to, v);
        }
        try {
            return switch (to) {
                case TEXT -> Values.pythonText(v);
                case BIGINT -> toBigint(from, v);
                case DOUBLE -> toDouble(from, v);
                case DECIMAL -> toDecimal(from, v);
                case BOOL -> toBool(from, v);
                case JSON -> from == DltType.TEXT ? Values.toJson(MAPPER.readValue((String) v, Object.class), false)
                    : FAILED;
                case TIMESTAMP -> toTimestamp(from, v);
                case DATE -> toDate(from, v);
                case TIME -> from == DltType.TEXT ? orFailed(IsoDateTimes.parseTime((String) v)) : FAILED;
                case BINARY -> toBinary(from, v);
            };
        } catch (Exception e) {
            // parse errors of every kind mean "does not fit": the caller creates a variant column
            return FAILED;
        }
    }

    private static Object sameType(DltType type, Object v) {
        return switch (type) {
            case TEXT -> v instanceof String ? v : v.toString();
            case BIGINT -> v instanceof Long ? v : Long.valueOf(((Number) v).longValue());
            case DOUBLE -> v instanceof Double ? v : Double.valueOf(((Number) v).doubleValue());
            case DECIMAL -> v instanceof BigDecimal ? v : new BigDecimal((BigInteger) v);
            case BOOL -> v;
            case TIMESTAMP -> Values.toUtc(v);
            case DATE -> Values.toDate(v);
            case TIME -> Values.toTime(v);
            case BINARY -> v;
            case JSON -> Values.toJson(v, false);
        };
    }

    private static Object toBigint(DltType from, Object v) {
        switch (from) {
            case TEXT: {
                String s = ((String) v).strip();
                BigInteger b = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(pythonInt(s));
                return b.compareTo(LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0 ? FAILED : b.longValue();
            }
            case DOUBLE: {
                double d = ((Number) v).doubleValue();
                return d % 1 != 0 || Math.abs(d) >= 0x1p63 ? FAILED : (Object) (long) d;
            }
            case DECIMAL: {
                BigDecimal d = v instanceof BigDecimal bd ? bd : new BigDecimal((BigInteger) v);
                try {
                    return d.longValueExact();
                } catch (ArithmeticException e) {
                    return FAILED;
                }
            }
            default:
                return FAILED;
        }
    }

    /** Python's int() accepts a sign and underscores between digits, nothing else. */
    private static String pythonInt(String s) {
        if (s.contains("_")) {
            if (s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
                throw new NumberFormatException(s);
            }
            return s.replace("_", "");
        }
        return s;
    }

    private static Object toDouble(DltType from, Object v) {
        return switch (from) {
            case TEXT -> parsePythonFloat(((String) v).strip());
            case BIGINT, DECIMAL -> ((Number) v).doubleValue();
            default -> FAILED;
        };
    }

    private static Object parsePythonFloat(String s) {
        if (s.startsWith("0x")) {
            return new BigInteger(s.substring(2), 16).doubleValue();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1 : 1;
        switch (unsigned) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "infinity":
                return sign * Double.POSITIVE_INFINITY;
            default:
                break;
        }
        // Java also accepts "1d", "1f", "NaN" and hex floats, which Python's float() rejects
        for (int i = 0; i < unsigned.length(); i++) {
            char c = unsigned.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == '-' || c == '+' || c == '_')) {
                return FAILED;
            }
        }
        return Double.parseDouble(pythonInt(s));
    }

    private static Object toDecimal(DltType from, Object v) {
        return switch (from) {
            case TEXT -> {
                String s = ((String) v).strip();
                yield s.startsWith("0x") ? new BigDecimal(new BigInteger(s.substring(2), 16)) : new BigDecimal(s);
            }
            case BIGINT -> v instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(((Number) v).longValue());
            // Python's Decimal(float) is the exact binary value, as is new BigDecimal(double)
            case DOUBLE -> new BigDecimal(((Number) v).doubleValue());
            default -> FAILED;
        };
    }

    private static Object toBool(DltType from, Object v) {
        return switch (from) {
            case TEXT -> switch (((String) v).toLowerCase(Locale.ROOT)) {
                case "yes", "true", "t", "y", "1" -> Boolean.TRUE;
                case "no", "false", "f", "n", "0" -> Boolean.FALSE;
                default -> FAILED;
            };
            case BIGINT, DOUBLE -> ((Number) v).doubleValue() != 0;
            case DECIMAL -> ((BigDecimal) v).signum() != 0;
            default -> FAILED;
        };
    }

    private static Object toTimestamp(DltType from, Object v) {
        return switch (from) {
            case TEXT -> orFailed(IsoDateTimes.parseDateTimeOrDate((String) v));
            case BIGINT, DOUBLE, DECIMAL -> epochSeconds(((Number) v).doubleValue(), v);
            case DATE -> Values.toUtc(Values.toDate(v));
            default -> FAILED;
        };
    }

    private static OffsetDateTime epochSeconds(double seconds, Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return Instant.ofEpochSecond(((Number) v).longValue()).atOffset(ZoneOffset.UTC);
        }
        long whole = (long) Math.floor(seconds);
        long micros = Math.round((seconds - whole) * 1_000_000);
        return Instant.ofEpochSecond(whole, micros * 1000).atOffset(ZoneOffset.UTC);
    }

    private static Object toDate(DltType from, Object v) {
        return switch (from) {
            case TEXT -> orFailed(IsoDateTimes.parseDate((String) v));
            case TIMESTAMP -> Values.toUtc(v).toLocalDate();
            case BIGINT, DOUBLE -> epochSeconds(((Number) v).doubleValue(), v).toLocalDate();
            default -> FAILED;
        };
    }

    private static Object toBinary(DltType from, Object v) {
        if (from == DltType.TEXT) {
            String s = (String) v;
            if (s.startsWith("0x")) {
                return java.util.HexFormat.of().parseHex(s.substring(2));
            }
            return Base64.getDecoder().decode(s);
        }
        if (from == DltType.BIGINT) {
            // Python: v.to_bytes((v.bit_length() + 7) // 8, "little")
            long n = ((Number) v).longValue();
            if (n < 0) {
                return FAILED;
            }
            int length = (64 - Long.numberOfLeadingZeros(n) + 7) / 8;
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                out[i] = (byte) (n >>> (8 * i));
            }
            return out;
        }
        return FAILED;
    }

    private static Object orFailed(Object v) {
        return v == null ? FAILED : v;
    }

    /** The type a brand-new column gets from its first value: ISO date-time strings are timestamps. */
    static DltType inferType(Object v) {
        DltType type = Values.typeOf(v);
        if (type == DltType.TEXT && v instanceof String s && !s.isEmpty() && IsoDateTimes.parseDateTime(s) != null) {
            return DltType.TIMESTAMP;
        }
        return type;
    }

}
