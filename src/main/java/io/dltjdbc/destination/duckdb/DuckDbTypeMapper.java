package io.dltjdbc.destination.duckdb;

import io.dltjdbc.destination.TypeMapper;
import io.dltjdbc.schema.DltType;

/** dlt's DuckDB type mapping (destinations/impl/duckdb/factory.py). */
public final class DuckDbTypeMapper implements TypeMapper {
    public static final DuckDbTypeMapper INSTANCE = new DuckDbTypeMapper();

    private DuckDbTypeMapper() {
    }

    @Override
    public String sqlType(DltType type, Integer precision, Integer scale) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOL -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case DECIMAL -> "DECIMAL(" + (precision == null ? 38 : precision) + "," + (scale == null ? 9 : scale) + ")";
            case BINARY -> "BLOB";
            case JSON -> "JSON";
        };
    }
}
