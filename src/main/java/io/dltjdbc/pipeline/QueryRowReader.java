package io.dltjdbc.pipeline;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.Redaction;
import io.dltjdbc.pipeline.source.ItemOrigin;
import io.dltjdbc.pipeline.source.ResultSetRows;
import io.dltjdbc.pipeline.source.RowReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The {@code QUERY '<sql>' [ON '<jdbc url>']} source: rows of any JDBC query, streamed with a fetch
 * size, each a map of column label to a typed value (dates, times, decimals with their scale,
 * binary; structs, maps, arrays and JSON as nested data) so that the normalizer keeps the source's types
 * instead of guessing them from text ({@link ResultSetRows}).
 */
final class QueryRowReader implements RowReader {
    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final boolean ownsConnection;
    private final Statement statement;
    private final ResultSetRows rows;
    private final String where;

    private QueryRowReader(Connection connection, boolean ownsConnection, String sql, String where) throws SQLException {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.where = where;
        try {
            this.statement = connection.createStatement();
            statement.setFetchSize(FETCH_SIZE);
            this.rows = new ResultSetRows(statement.executeQuery(sql));
        } catch (SQLException e) {
            closeQuietly();
            throw new SQLException("query error in " + where + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** Runs {@code sql} on {@code onUrl} (a connection of its own), or on {@code current} when no URL is given. */
    static QueryRowReader open(String sql, String onUrl, Connection current) throws SQLException {
        if (onUrl == null) {
            return new QueryRowReader(current, false, sql, "QUERY");
        }
        String shownUrl = Redaction.maskUrl(onUrl);
        Connection connection;
        try {
            SourceUrlCredentials split = SourceUrlCredentials.split(onUrl);
            Properties properties = split.properties();
            if (split.url().startsWith("jdbc:duckdb:")) {
                // DuckDB's driver otherwise materializes the whole result before handing out the first row
                properties.putIfAbsent("jdbc_stream_results", "true");
            }
            connection = DriverManager.getConnection(split.url(), properties);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + shownUrl + " for QUERY ... ON: " + Redaction.maskUrl(e.getMessage()),
                    e.getSQLState() == null ? DltSqlState.CONNECTION_UNABLE_TO_CONNECT.getState() : e.getSQLState());
        }
        try {
            // pgjdbc (like other drivers) honours the fetch size only inside a transaction, and otherwise reads the
            // whole result into memory first; the connection is ours, and closing it ends the transaction
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            // a driver without transactions streams as well as it can
        }
        return new QueryRowReader(connection, true, sql, "QUERY ... ON '" + shownUrl + "'");
    }

    @Override
    public Object next() throws SQLException {
        try {
            return rows.next();
        } catch (SQLException e) {
            throw new SQLException("query error in " + where + " at row " + rows.rowNumber() + ": " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    @Override
    public ItemOrigin origin() {
        return ItemOrigin.ofItem(where, "row", rows.rowNumber());
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public void close() throws SQLException {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // nothing to do: the query's outcome is already known
        }
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // as above
            }
        }
    }

    List<String> labels() {
        return rows.labels();
    }
}
