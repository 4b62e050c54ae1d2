package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingPreparedStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A destination's prepared statement behind the dlt facade: plain SQL with parameters, unchanged. */
public final class DltPreparedStatement extends ForwardingPreparedStatement {
    private final DltConnection connection;

    DltPreparedStatement(DltConnection connection, PreparedStatement delegate) {
        super(delegate);
        this.connection = connection;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new DltResultSet(this, resultSet);
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
