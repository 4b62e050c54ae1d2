package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.postgres.PostgresTypeMapper;
import io.dltjdbc.schema.DltType;

/**
 * dlt's Redshift types, overriding only Postgres' differences. Text is {@code varchar(65535)}: dlt writes
 * {@code varchar(max)}, which Redshift defines as exactly 65535 bytes; the numeric spelling is accepted by
 * Redshift and by PostgreSQL alike. json is {@code super}, binary {@code varbinary}.
 */
public final class RedshiftTypeMapper extends PostgresTypeMapper {
    public static final RedshiftTypeMapper INSTANCE = new RedshiftTypeMapper();
    public static final int MAX_VARCHAR = 65535;

    private RedshiftTypeMapper() {
    }

    @Override
    public String sqlType(DltType type, Integer precision, Integer scale) {
        return switch (type) {
            case TEXT -> "varchar(" + (precision == null ? MAX_VARCHAR : precision) + ")";
            case JSON -> "super";
            case BINARY -> precision == null ? "varbinary" : "varbinary(" + precision + ")";
            default -> super.sqlType(type, precision, scale);
        };
    }
}
