package io.dltjdbc.pipeline.source;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a JDBC driver hands out into the values the JSON readers produce ({@code Map}, {@code List},
 * {@code Long}, {@code Double}, {@code String}, ...) or typed values the normalizer keeps ({@code LocalDate},
 * {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code BigDecimal}, {@code byte[]}).
 * Nested values (DuckDB STRUCT and MAP, SQL arrays, H2 ROW, JSON columns) become maps and lists, so that the
 * normalizer flattens them exactly as it would the same JSON object. A driver's own value class that none of
 * this knows (pgjdbc's {@code PGobject} for interval or inet, H2's {@code Interval}) becomes its text: the
 * normalizer would otherwise store the object's {@code toString()} or fail on it.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    /** How to get the text of a value no conversion knows. */
    @FunctionalInterface
    interface TextOf {
        String text(Object value) throws SQLException;
    }

    /** True for the type name of a JSON column: {@code json}, {@code jsonb} (PostgreSQL), {@code JSON} (DuckDB, H2). */
    static boolean isJsonType(String typeName) {
        if (typeName == null) {
            return false;
        }
        String name = typeName.toLowerCase(Locale.ROOT);
        return name.equals("json") || name.equals("jsonb");
    }

    /** A value inside an array, struct or map, where no ResultSet accessor is left to ask for its text. */
    static Object plain(Object value) throws SQLException {
        return plain(value, Object::toString);
    }

    /**
     * The normalizer's counterpart of a driver value. {@code unknown} gives the text of a value of a class none of
     * the rules below covers.
     */
    static Object plain(Object value, TextOf unknown) throws SQLException {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Boolean
                || value instanceof Double || value instanceof BigDecimal || value instanceof BigInteger
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        Object temporal = temporal(value);
        if (temporal != null) {
            return temporal;
        }
        if (value instanceof Map<?, ?> map) {
            return map(map);
        }
        if (value instanceof Collection<?> items) {
            return list(items.toArray(), ElementKind.PLAIN);
        }
        if (value instanceof Array array) {
            return array(array);
        }
        if (value instanceof Object[] items) {
            return list(items, ElementKind.PLAIN);
        }
        if (value.getClass().isArray()) {
            return primitiveArray(value);
        }
        if (value instanceof Struct struct) {
            return struct(struct);
        }
        if (value instanceof ResultSet row) {
            return row(row);
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof SQLXML xml) {
            return xml.getString();
        }
        if (value instanceof org.duckdb.JsonNode json) {
            return JsonValues.parse(json.toString(), "a JSON value inside a column");
        }
        if (value instanceof java.util.UUID || value instanceof Character || value instanceof Enum<?>) {
            return value.toString();
        }
        return unknown.text(value);
    }

    /**
     * Dates and times as java.time values. Drivers build {@code java.sql.Timestamp/Date/Time} from the source's
     * wall-clock fields in the JVM's zone, so their local parts are the source's values; {@code Time} has no
     * fraction of a second, which is why top-level columns are read as java.time directly ({@link JdbcColumn}).
     */
    private static Object temporal(Object value) {
        if (value instanceof LocalDateTime || value instanceof OffsetDateTime || value instanceof LocalDate
                || value instanceof LocalTime || value instanceof OffsetTime || value instanceof Instant
                || value instanceof ZonedDateTime) {
            return value;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        return null;
    }

    /** JSON keys are text: a DuckDB MAP(INTEGER, ...) gets its keys' text, as a JSON encoder would write them. */
    private static Map<String, Object> map(Map<?, ?> map) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = plain(entry.getKey());
            out.put(String.valueOf(key), plain(entry.getValue()));
        }
        return out;
    }

    /**
     * pgjdbc hands out the elements of a json/jsonb array as their text, which are parsed like a json column, and
     * those of a timestamptz or timetz array as {@code Timestamp}/{@code Time} of the instant (not of wall-clock
     * fields), which are taken at UTC.
     */
    private static List<Object> array(Array array) throws SQLException {
        Object elements = array.getArray();
        try {
            String baseType = array.getBaseTypeName();
            String base = baseType == null ? "" : baseType.toLowerCase(Locale.ROOT);
            ElementKind kind = isJsonType(baseType) ? ElementKind.JSON
                    : base.equals("timestamptz") || base.equals("timetz") ? ElementKind.INSTANT : ElementKind.PLAIN;
            if (elements instanceof Object[] items) {
                return list(items, kind);
            }
            return elements == null ? null : primitiveArray(elements);
        } finally {
            try {
                array.free();
            } catch (SQLException | UnsupportedOperationException ignored) {
                // some drivers don't implement free(); the array is garbage either way
            }
        }
    }

    /** How to read the elements of an array beyond {@link #plain(Object)}. */
    private enum ElementKind { PLAIN, JSON, INSTANT }

    private static List<Object> list(Object[] items, ElementKind kind) throws SQLException {
        List<Object> out = new ArrayList<>(items.length);
        for (Object item : items) {
            if (item instanceof Object[] nested) {
                out.add(list(nested, kind));
            } else if (kind == ElementKind.JSON && item instanceof String text) {
                out.add(JsonValues.parse(text, "a JSON element of an array column"));
            } else if (kind == ElementKind.INSTANT && item instanceof java.sql.Timestamp timestamp) {
                out.add(timestamp.toInstant().atOffset(ZoneOffset.UTC));
            } else if (kind == ElementKind.INSTANT && item instanceof java.sql.Time time) {
                out.add(Instant.ofEpochMilli(time.getTime()).atOffset(ZoneOffset.UTC).toOffsetTime());
            } else {
                out.add(plain(item));
            }
        }
        return out;
    }

    private static List<Object> primitiveArray(Object array) throws SQLException {
        int length = java.lang.reflect.Array.getLength(array);
        List<Object> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(plain(java.lang.reflect.Array.get(array, i)));
        }
        return out;
    }

    /** DuckDB's STRUCT knows its field names; a plain JDBC Struct only has its attributes, in order. */
    private static Object struct(Struct struct) throws SQLException {
        if (struct instanceof org.duckdb.DuckDBStruct duckdb) {
            return map(duckdb.getMap());
        }
        return list(struct.getAttributes(), ElementKind.PLAIN);
    }

    /** H2 hands out a ROW value as a one-row result set: its columns become the fields of an object. */
    private static Object row(ResultSet row) throws SQLException {
        try (row) {
            return new ResultSetRows(row).next();
        }
    }
}
