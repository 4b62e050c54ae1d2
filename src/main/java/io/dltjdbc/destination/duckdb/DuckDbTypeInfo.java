package io.dltjdbc.destination.duckdb;

import io.dltjdbc.driver.metadata.TypeInfoRow;
import java.sql.Types;
import java.util.List;

/** DuckDB's types for {@code getTypeInfo}, which DuckDB's JDBC driver does not implement. */
final class DuckDbTypeInfo {
    private DuckDbTypeInfo() {
    }

    static final List<TypeInfoRow> ROWS = List.of(
            new TypeInfoRow("BOOLEAN", Types.BOOLEAN, 1, null, null, false, false, false, 0),
            new TypeInfoRow("TINYINT", Types.TINYINT, 3, null, null, false, false, false, 0),
            new TypeInfoRow("SMALLINT", Types.SMALLINT, 5, null, null, false, false, false, 0),
            new TypeInfoRow("INTEGER", Types.INTEGER, 10, null, null, false, false, false, 0),
            new TypeInfoRow("BIGINT", Types.BIGINT, 19, null, null, false, false, false, 0),
            new TypeInfoRow("HUGEINT", Types.NUMERIC, 39, null, null, false, false, false, 0),
            new TypeInfoRow("FLOAT", Types.FLOAT, 7, null, null, false, false, false, 0),
            new TypeInfoRow("DOUBLE", Types.DOUBLE, 15, null, null, false, false, false, 0),
            new TypeInfoRow("DECIMAL", Types.DECIMAL, 38, null, "precision,scale", false, false, true, 38),
            new TypeInfoRow("VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", null, true, false, false, 0),
            new TypeInfoRow("BLOB", Types.BLOB, Integer.MAX_VALUE, "'", null, false, false, false, 0),
            new TypeInfoRow("DATE", Types.DATE, 10, "'", null, false, false, false, 0),
            new TypeInfoRow("TIME", Types.TIME, 15, "'", null, false, false, false, 6),
            new TypeInfoRow("TIMESTAMP", Types.TIMESTAMP, 26, "'", null, false, false, false, 6),
            new TypeInfoRow("TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE, 32, "'", null, false, false, false, 6),
            new TypeInfoRow("INTERVAL", Types.OTHER, 0, "'", null, false, false, false, 0),
            new TypeInfoRow("UUID", Types.OTHER, 36, "'", null, false, false, false, 0),
            new TypeInfoRow("JSON", Types.OTHER, Integer.MAX_VALUE, "'", null, true, false, false, 0));
}
