package io.dltjdbc.destination.bigquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** BigQuery field types as JDBC sees them: {@link Types} codes, type names, sizes; ARRAY and STRUCT values as JSON text. */
final class BigQueryTypes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BigQueryTypes() {
    }

    static StandardSQLTypeName type(Field field) {
        return field.getType().getStandardType();
    }

    static boolean repeated(Field field) {
        return field.getMode() == Field.Mode.REPEATED;
    }

    static boolean nested(Field field) {
        return repeated(field) || type(field) == StandardSQLTypeName.STRUCT;
    }

    static int jdbcType(Field field) {
        if (nested(field)) {
            return Types.VARCHAR;
        }
        return switch (type(field)) {
            case INT64 -> Types.BIGINT;
            case FLOAT64 -> Types.DOUBLE;
            case BOOL -> Types.BOOLEAN;
            case NUMERIC, BIGNUMERIC -> Types.NUMERIC;
            case TIMESTAMP, DATETIME -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case BYTES -> Types.VARBINARY;
            default -> Types.VARCHAR; // STRING, JSON, GEOGRAPHY, INTERVAL, RANGE
        };
    }

    static String typeName(Field field) {
        String base;
        if (type(field) == StandardSQLTypeName.STRUCT) {
            StringJoiner members = new StringJoiner(", ", "STRUCT<", ">");
            for (Field sub : field.getSubFields()) {
                members.add(sub.getName() + " " + typeName(sub));
            }
            base = members.toString();
        } else {
            base = type(field).name();
        }
        return repeated(field) ? "ARRAY<" + base + ">" : base;
    }

    static String className(Field field) {
        return switch (jdbcType(field)) {
            case Types.BIGINT -> Long.class.getName();
            case Types.DOUBLE -> Double.class.getName();
            case Types.BOOLEAN -> Boolean.class.getName();
            case Types.NUMERIC -> java.math.BigDecimal.class.getName();
            case Types.TIMESTAMP -> java.sql.Timestamp.class.getName();
            case Types.DATE -> java.sql.Date.class.getName();
            case Types.TIME -> java.sql.Time.class.getName();
            case Types.VARBINARY -> byte[].class.getName();
            default -> String.class.getName();
        };
    }

    static int precision(Field field) {
        if (nested(field)) {
            return Integer.MAX_VALUE;
        }
        return switch (type(field)) {
            case INT64 -> 19;
            case FLOAT64 -> 15;
            case BOOL -> 1;
            case NUMERIC -> field.getPrecision() != null ? field.getPrecision().intValue() : 38;
            case BIGNUMERIC -> field.getPrecision() != null ? field.getPrecision().intValue() : 76;
            case TIMESTAMP -> 32;
            case DATETIME -> 26;
            case DATE -> 10;
            case TIME -> 15;
            default -> Integer.MAX_VALUE;
        };
    }

    static int scale(Field field) {
        if (nested(field)) {
            return 0;
        }
        return switch (type(field)) {
            case NUMERIC -> field.getScale() != null ? field.getScale().intValue() : field.getPrecision() != null ? 0 : 9;
            case BIGNUMERIC -> field.getScale() != null ? field.getScale().intValue() : field.getPrecision() != null ? 0 : 38;
            case TIMESTAMP, DATETIME, TIME -> 6;
            default -> 0;
        };
    }

    /** An ARRAY or STRUCT value as JSON text. */
    static String json(Field field, FieldValue value) {
        try {
            return JSON.writeValueAsString(tree(field, value, repeated(field)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a nested BigQuery value as JSON", e);
        }
    }

    private static Object tree(Field field, FieldValue value, boolean asList) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (asList) {
            List<Object> items = new ArrayList<>();
            for (FieldValue item : value.getRepeatedValue()) {
                items.add(tree(field, item, false));
            }
            return items;
        }
        StandardSQLTypeName type = type(field);
        if (type == StandardSQLTypeName.STRUCT) {
            Map<String, Object> members = new LinkedHashMap<>();
            FieldList subFields = field.getSubFields();
            List<FieldValue> values = value.getRecordValue();
            for (int i = 0; i < subFields.size() && i < values.size(); i++) {
                Field sub = subFields.get(i);
                members.put(sub.getName(), tree(sub, values.get(i), repeated(sub)));
            }
            return members;
        }
        return switch (type) {
            case INT64 -> value.getLongValue();
            case FLOAT64 -> value.getDoubleValue();
            case BOOL -> value.getBooleanValue();
            case NUMERIC, BIGNUMERIC -> value.getNumericValue();
            case TIMESTAMP -> value.getTimestampInstant().atOffset(ZoneOffset.UTC).toString();
            case BYTES -> Base64.getEncoder().encodeToString(value.getBytesValue());
            default -> value.getStringValue();
        };
    }
}
