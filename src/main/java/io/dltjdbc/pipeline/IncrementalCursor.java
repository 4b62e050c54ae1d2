package io.dltjdbc.pipeline;

import io.dltjdbc.driver.DltSqlState;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * dlt's {@code incremental} cursor on one resource: only items whose cursor value exceeds the
 * maximum stored by the previous load (or, on the first load, reaches {@code initial_value}) pass;
 * the new maximum is kept in the pipeline state under
 * {@code sources.<source>.resources.<resource>.incremental.<cursor>}.
 */
final class IncrementalCursor {
    private final String cursor;
    private final Map<String, Object> stored;
    private final Object lastValue;
    private final Object initialValue;
    private Object maximum;

    IncrementalCursor(String cursor, Object initialValue, Map<String, Object> resourceState) {
        this.cursor = cursor;
        @SuppressWarnings("unchecked")
        Map<String, Object> incremental = (Map<String, Object>) resourceState.computeIfAbsent("incremental", k -> new LinkedHashMap<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) incremental.computeIfAbsent(cursor, k -> new LinkedHashMap<>());
        this.stored = entry;
        this.lastValue = entry.get("last_value");
        this.initialValue = initialValue != null ? initialValue : entry.get("initial_value");
        if (initialValue != null) {
            entry.put("initial_value", stateValue(initialValue));
        }
        this.maximum = lastValue;
    }

    /** True when the item is new; remembers the largest cursor seen. */
    boolean accept(Object item, String position) throws SQLException {
        Check check = check(item, position);
        if (check.isNew()) {
            check.advance();
        }
        return check.isNew();
    }

    /**
     * Whether the item is new, without remembering its cursor yet: under {@code on_error = 'skip_row'} only an
     * item that loaded may move the cursor, or a rejected row would be skipped by the next load too.
     */
    Check check(Object item, String position) throws SQLException {
        if (!(item instanceof Map<?, ?> map) || !map.containsKey(cursor)) {
            throw DltSqlState.DATA_EXCEPTION.exception("the incremental cursor column '" + cursor + "' is missing in " + position);
        }
        Object value = map.get(cursor);
        if (value == null) {
            throw DltSqlState.DATA_EXCEPTION.exception("the incremental cursor column '" + cursor + "' is null in " + position);
        }
        if (lastValue != null) {
            if (compare(value, lastValue) <= 0) {
                return new Check(value, false);
            }
        } else if (initialValue != null && compare(value, initialValue) < 0) {
            return new Check(value, false);
        }
        return new Check(value, true);
    }

    /** One item's verdict; {@link #advance()} makes its cursor value count towards the new maximum. */
    final class Check {
        private final Object value;
        private final boolean isNew;

        private Check(Object value, boolean isNew) {
            this.value = value;
            this.isNew = isNew;
        }

        boolean isNew() {
            return isNew;
        }

        void advance() {
            if (maximum == null || compare(value, maximum) > 0) {
                maximum = value;
            }
        }
    }

    /** Writes the new maximum into the state. */
    void remember() {
        if (maximum != null) {
            stored.put("last_value", stateValue(maximum));
        }
    }

    private static Object stateValue(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Double || value instanceof String
                || value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return comparableText(value);
    }

    static int compare(Object a, Object b) {
        BigDecimal left = number(a);
        BigDecimal right = number(b);
        if (left != null && right != null) {
            return left.compareTo(right);
        }
        Instant leftTime = instant(a);
        Instant rightTime = instant(b);
        if (leftTime != null && rightTime != null) {
            return leftTime.compareTo(rightTime);
        }
        return comparableText(a).compareTo(comparableText(b));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof String text) {
            try {
                TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim().replace(' ', 'T'),
                        OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime time ? time.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(text.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String comparableText(Object value) {
        Instant time = value instanceof String ? null : instant(value);
        return time != null ? time.toString() : String.valueOf(value);
    }
}
