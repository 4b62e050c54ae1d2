package io.dltjdbc.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The dlt type of a Java value, and the text forms dlt (Python) gives values. */
final class Values {
    private static final JsonFactory JSON = new JsonFactory();

    private Values() {
    }

    /** The type dlt would assign to the value's Python counterpart (py_type_to_sc_type). */
    static DltType typeOf(Object v) {
        if (v instanceof String) {
            return DltType.TEXT;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return DltType.BIGINT;
        }
        if (v instanceof Boolean) {
            return DltType.BOOL;
        }
        if (v instanceof Double || v instanceof Float) {
            return DltType.DOUBLE;
        }
        if (v instanceof Map || v instanceof Collection || v instanceof Object[]) {
            return DltType.JSON;
        }
        if (v instanceof BigInteger b) {
            // Python ints are unbounded; beyond a long only a decimal column can hold the value
            return b.bitLength() < 64 ? DltType.BIGINT : DltType.DECIMAL;
        }
        if (v instanceof BigDecimal) {
            return DltType.DECIMAL;
        }
        if (v instanceof java.sql.Date || v instanceof LocalDate) {
            return DltType.DATE;
        }
        if (v instanceof java.sql.Time || v instanceof LocalTime || v instanceof OffsetTime) {
            return DltType.TIME;
        }
        if (v instanceof OffsetDateTime || v instanceof LocalDateTime || v instanceof Instant
            || v instanceof ZonedDateTime || v instanceof java.util.Date) {
            return DltType.TIMESTAMP;
        }
        if (v instanceof byte[]) {
            return DltType.BINARY;
        }
        return DltType.TEXT; // UUID, enums, anything else: its text
    }

    /** A TIMESTAMP-typed value as an OffsetDateTime at UTC; naive values are taken as UTC. */
    static OffsetDateTime toUtc(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o.getOffset().equals(ZoneOffset.UTC) ? o : o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + v);
    }

    static LocalDate toDate(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    static LocalTime toTime(Object v) {
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof OffsetTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        }
        return (LocalTime) v;
    }

    /** Python's {@code str()} of a scalar, which is what dlt writes into a text column. */
    static String pythonText(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return pythonFloat(((Number) v).doubleValue());
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        DltType type = typeOf(v);
        if (type == DltType.TIMESTAMP) {
            return pythonIsoFormat(toUtc(v));
        }
        if (type == DltType.DATE) {
            return toDate(v).toString();
        }
        if (type == DltType.TIME) {
            return pythonTime(toTime(v));
        }
        if (type == DltType.JSON) {
            return toJson(v, false);
        }
        return v.toString();
    }

    /** Python's float repr: fixed notation for 1e-4 <= |x| < 1e16, else {@code 1e-05} style. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = exact.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
            + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    static String pythonIsoFormat(OffsetDateTime t) {
        return t.toLocalDate() + "T" + pythonTime(t.toLocalTime()) + "+00:00";
    }

    private static String pythonTime(LocalTime t) {
        String base = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? base : base + String.format(".%06d", micros);
    }

    /** Compact JSON text of a value; keys sorted when {@code sortKeys} (dlt's key hash). */
    static String toJson(Object v, boolean sortKeys) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, v, sortKeys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v, boolean sortKeys) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else {
                g.writeRawValue(pythonFloat(d));
            }
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            Map<?, ?> entries = sortKeys ? new TreeMap<>(map) : map;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue(), sortKeys);
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o, sortKeys);
            }
            g.writeEndArray();
        } else if (v instanceof Object[] array) {
            g.writeStartArray();
            for (Object o : array) {
                write(g, o, sortKeys);
            }
            g.writeEndArray();
        } else {
            g.writeString(pythonText(v));
        }
    }

    /** A short rendering of a value for error messages. */
    static String preview(Object v) {
        String text = v instanceof Map || v instanceof Collection ? toJson(v, false) : String.valueOf(v);
        if (v instanceof String) {
            text = "'" + text + "'";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

}
