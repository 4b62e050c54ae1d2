package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingPreparedStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** A destination's prepared statement behind the dlt facade: plain SQL with parameters, unchanged. */
public final class DltPreparedStatement extends ForwardingPreparedStatement {
    private final DltConnection connection;
    private final boolean generatedKeys;
    private long maxRows;
    private final StreamingTransaction stream;

    DltPreparedStatement(DltConnection connection, PreparedStatement delegate) {
        this(connection, delegate, true);
    }

    /** {@code generatedKeys} false: prepared without keys because the destination's driver has none. */
    DltPreparedStatement(DltConnection connection, PreparedStatement delegate, boolean generatedKeys) {
        super(delegate);
        this.connection = connection;
        this.generatedKeys = generatedKeys;
        this.stream = new StreamingTransaction(connection);
    }

    /** With a fetch size on PostgreSQL in auto-commit mode, the result streams in the driver's transaction. */
    @Override
    public ResultSet executeQuery() throws SQLException {
        stream.begin(preparedDelegate);
        try {
            return wrapResultSet(preparedDelegate.executeQuery());
        } catch (SQLException e) {
            stream.abort();
            throw e;
        }
    }

    @Override
    public boolean execute() throws SQLException {
        stream.begin(preparedDelegate);
        try {
            boolean resultSet = preparedDelegate.execute();
            if (!resultSet) {
                stream.end();
            }
            return resultSet;
        } catch (SQLException e) {
            stream.abort();
            throw e;
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        stream.end();
        return preparedDelegate.executeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        stream.end();
        return preparedDelegate.executeLargeUpdate();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        stream.end();
        return preparedDelegate.executeBatch();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        stream.end();
        return preparedDelegate.getMoreResults();
    }

    @Override
    public void close() throws SQLException {
        try {
            preparedDelegate.close();
        } finally {
            stream.end();
        }
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new DltResultSet(this, resultSet, maxRows).streamedIn(stream);
    }

    /** Kept here too: DuckDB's driver accepts a maximum but returns every row, so the facade stops at it. */
    @Override
    public void setMaxRows(int max) throws SQLException {
        preparedDelegate.setMaxRows(max);
        maxRows = max;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        try {
            preparedDelegate.setLargeMaxRows(max);
        } catch (UnsupportedOperationException | SQLFeatureNotSupportedException e) {
            preparedDelegate.setMaxRows((int) Math.min(Integer.MAX_VALUE, max));
        }
        maxRows = max;
    }

    @Override
    public long getLargeMaxRows() {
        return maxRows;
    }

    @Override
    public int getMaxRows() {
        return (int) Math.min(Integer.MAX_VALUE, maxRows);
    }

    /** Empty where the destination's driver can't return generated keys (see {@link DltConnection#prepareStatement(String, int)}). */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        if (!generatedKeys) {
            return new InMemoryResultSet(java.util.List.of(), java.util.List.of()).withStatement(this);
        }
        try {
            return wrapResultSet(preparedDelegate.getGeneratedKeys());
        } catch (SQLFeatureNotSupportedException e) {
            return new InMemoryResultSet(java.util.List.of(), java.util.List.of()).withStatement(this);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, preparedDelegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, preparedDelegate, iface);
    }
}
