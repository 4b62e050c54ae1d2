package io.dltjdbc.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** dlt's data types. */
public enum DltType {
    TEXT, BIGINT, DOUBLE, BOOL, TIMESTAMP, DATE, TIME, DECIMAL, BINARY, JSON;

    private final String dltName = name().toLowerCase(Locale.ROOT);

    public String dltName() {
        return dltName;
    }

    /** Accepts dlt's names and the SQL aliases users write in a {@code columns} hint. */
    public static DltType fromName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("data type is null; valid: " + validNames());
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "text", "varchar", "string", "char", "character varying" -> TEXT;
            case "bigint", "int", "integer", "long", "int64", "smallint" -> BIGINT;
            case "double", "float", "double precision", "float64", "real" -> DOUBLE;
            case "bool", "boolean" -> BOOL;
            case "timestamp", "timestamptz", "datetime" -> TIMESTAMP;
            case "date" -> DATE;
            case "time" -> TIME;
            case "decimal", "numeric" -> DECIMAL;
            case "binary", "bytes", "blob", "bytea", "varbinary" -> BINARY;
            case "json", "jsonb", "complex" -> JSON;
            default -> throw new IllegalArgumentException(
                "unknown data type '" + name + "'; valid: " + validNames());
        };
    }

    static String validNames() {
        return Arrays.stream(values()).map(DltType::dltName).collect(Collectors.joining(", "));
    }
}
