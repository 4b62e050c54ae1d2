package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingResultSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A destination's result set whose {@code getStatement()} returns the dlt facade, not the inner statement. */
public final class DltResultSet extends ForwardingResultSet {
    private final Statement owner;

    DltResultSet(Statement owner, ResultSet delegate) {
        super(delegate);
        this.owner = owner;
    }

    @Override
    public Statement getStatement() {
        return owner;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
