package io.dltjdbc.destination.duckdb;

import io.dltjdbc.destination.SqlLoader;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * DuckDB's bulk path: the staged newline-delimited JSON is read by DuckDB's own parallel
 * {@code read_json} with the exact column types given, never row-at-a-time INSERTs. Values JSON can't
 * carry exactly travel as text and are converted in the same statement: decimals (no float rounding),
 * binary (base64), timestamps (ISO-8601 with offset).
 */
public final class DuckDbLoader extends SqlLoader {

    public DuckDbLoader(Connection connection, DuckDbDialect dialect) {
        super(connection, dialect, DuckDbTypeMapper.INSTANCE);
    }

    @Override
    protected void insertStaged(String dataset, Table table, Path stagedFile) throws SQLException {
        StringJoiner targetColumns = new StringJoiner(", ");
        StringJoiner selected = new StringJoiner(", ");
        StringJoiner readColumns = new StringJoiner(", ", "{", "}");
        for (Column column : table.columns()) {
            String name = q(column.name());
            targetColumns.add(name);
            String sqlType = types.sqlType(column);
            switch (column.type()) {
                case DECIMAL, TIMESTAMP, TIME -> {
                    readColumns.add(dialect.stringLiteral(column.name()) + ": 'VARCHAR'");
                    selected.add("CAST(" + name + " AS " + sqlType + ")");
                }
                case BINARY -> {
                    readColumns.add(dialect.stringLiteral(column.name()) + ": 'VARCHAR'");
                    selected.add("from_base64(" + name + ")");
                }
                default -> {
                    readColumns.add(dialect.stringLiteral(column.name()) + ": " + dialect.stringLiteral(sqlType));
                    selected.add(name);
                }
            }
        }
        execute("INSERT INTO " + dialect.qualified(dataset, table.name()) + " (" + targetColumns + ") SELECT " + selected
                + " FROM read_json(" + dialect.stringLiteral(stagedFile.toAbsolutePath().toString())
                + ", format = 'newline_delimited', columns = " + readColumns + ")");
    }

    @Override
    protected String insertionOrder() {
        return "rowid";
    }
}
