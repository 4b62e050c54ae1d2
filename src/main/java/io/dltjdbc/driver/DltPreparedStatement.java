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

    DltPreparedStatement(DltConnection connection, PreparedStatement delegate) {
        this(connection, delegate, true);
    }

    /** {@code generatedKeys} false: prepared without keys because the destination's driver has none. */
    DltPreparedStatement(DltConnection connection, PreparedStatement delegate, boolean generatedKeys) {
        super(delegate);
        this.connection = connection;
        this.generatedKeys = generatedKeys;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new DltResultSet(this, resultSet, maxRows);
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
