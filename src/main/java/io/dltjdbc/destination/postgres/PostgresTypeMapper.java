package io.dltjdbc.destination.postgres;

import io.dltjdbc.destination.TypeMapper;
import io.dltjdbc.schema.DltType;

/** dlt's Postgres type mapping (destinations/impl/postgres/factory.py). Redshift overrides its differences. */
public class PostgresTypeMapper implements TypeMapper {
    public static final PostgresTypeMapper INSTANCE = new PostgresTypeMapper();

    protected PostgresTypeMapper() {
    }

    @Override
    public String sqlType(DltType type, Integer precision, Integer scale) {
        return switch (type) {
            case TEXT -> precision == null ? "varchar" : "varchar(" + precision + ")";
            case BIGINT -> "bigint";
            case DOUBLE -> "double precision";
            case BOOL -> "boolean";
            case TIMESTAMP -> "timestamp with time zone";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case DECIMAL -> "numeric(" + (precision == null ? 38 : precision) + "," + (scale == null ? 9 : scale) + ")";
            case BINARY -> "bytea";
            case JSON -> "jsonb";
        };
    }
}
