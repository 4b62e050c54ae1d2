package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingResultSet;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

/** A destination's result set whose {@code getStatement()} returns the dlt facade, not the inner statement. */
public final class DltResultSet extends ForwardingResultSet {
    private final Statement owner;
    private final long maxRows;
    private long rowsRead;

    DltResultSet(Statement owner, ResultSet delegate) {
        this(owner, delegate, 0);
    }

    /** {@code maxRows} > 0: the statement's limit, enforced here for drivers that ignore it (DuckDB). */
    DltResultSet(Statement owner, ResultSet delegate, long maxRows) {
        super(delegate);
        this.owner = owner;
        this.maxRows = maxRows;
    }

    @Override
    public boolean next() throws SQLException {
        if (maxRows > 0 && rowsRead >= maxRows) {
            return false;
        }
        boolean more = delegate.next();
        if (more) {
            rowsRead++;
        }
        return more;
    }

    @Override
    public Statement getStatement() {
        return owner;
    }

    /** DuckDB's driver has no {@code getBytes} for BLOB columns; tools call it, so read the Blob instead. */
    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        try {
            return delegate.getBytes(columnIndex);
        } catch (SQLFeatureNotSupportedException e) {
            return bytesOf(delegate.getBlob(columnIndex));
        }
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(delegate.findColumn(columnLabel));
    }

    private static byte[] bytesOf(Blob blob) throws SQLException {
        if (blob == null) {
            return null;
        }
        return blob.getBytes(1, (int) blob.length());
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface);
    }
}
