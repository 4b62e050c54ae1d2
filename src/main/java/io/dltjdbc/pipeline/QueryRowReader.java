package io.dltjdbc.pipeline;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.Redaction;
import io.dltjdbc.pipeline.source.ItemOrigin;
import io.dltjdbc.pipeline.source.RowReader;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code QUERY '<sql>' [ON '<jdbc url>']} source: rows of any JDBC query, streamed with a fetch
 * size, each a map of column label to a typed value (dates, times, decimals with their scale,
 * binary) so that the normalizer keeps the source's types instead of guessing them from text.
 */
final class QueryRowReader implements RowReader {
    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final boolean ownsConnection;
    private final Statement statement;
    private final ResultSet rows;
    private final String[] labels;
    private final int[] types;
    private final String where;
    private long rowNumber;

    private QueryRowReader(Connection connection, boolean ownsConnection, String sql, String where) throws SQLException {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.where = where;
        try {
            this.statement = connection.createStatement();
            statement.setFetchSize(FETCH_SIZE);
            this.rows = statement.executeQuery(sql);
            ResultSetMetaData metaData = rows.getMetaData();
            labels = new String[metaData.getColumnCount()];
            types = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = metaData.getColumnLabel(i + 1);
                types[i] = metaData.getColumnType(i + 1);
            }
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
            connection = DriverManager.getConnection(split.url(), split.properties());
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + shownUrl + " for QUERY ... ON: " + Redaction.maskUrl(e.getMessage()),
                    e.getSQLState() == null ? DltSqlState.CONNECTION_UNABLE_TO_CONNECT.getState() : e.getSQLState());
        }
        return new QueryRowReader(connection, true, sql, "QUERY ... ON '" + shownUrl + "'");
    }

    @Override
    public Object next() throws SQLException {
        try {
            if (!rows.next()) {
                return null;
            }
            rowNumber++;
            Map<String, Object> row = new LinkedHashMap<>(labels.length * 2);
            for (int i = 0; i < labels.length; i++) {
                row.put(labels[i], value(i + 1, types[i]));
            }
            return row;
        } catch (SQLException e) {
            throw new SQLException("query error in " + where + " at row " + (rowNumber + 1) + ": " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private Object value(int index, int type) throws SQLException {
        Object value;
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> value = rows.getObject(index, OffsetDateTime.class);
            case Types.TIMESTAMP -> value = rows.getObject(index, java.time.LocalDateTime.class);
            case Types.DATE -> value = rows.getObject(index, java.time.LocalDate.class);
            case Types.TIME -> value = rows.getObject(index, java.time.LocalTime.class);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> {
                long number = rows.getLong(index);
                value = rows.wasNull() ? null : number;
            }
            default -> value = rows.getObject(index);
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Array array) {
            return new ArrayList<>(Arrays.asList((Object[]) array.getArray()));
        }
        if (value instanceof java.util.UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value != null && value.getClass().getName().startsWith("org.duckdb.")) {
            return value.toString(); // DuckDB structs and maps: their text form
        }
        return value;
    }

    @Override
    public ItemOrigin origin() {
        return ItemOrigin.ofItem(where, "row", rowNumber);
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
        return List.of(labels);
    }
}
