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
    private StreamingTransaction stream;

    DltResultSet(Statement owner, ResultSet delegate) {
        this(owner, delegate, 0);
    }

    /** {@code maxRows} > 0: the statement's limit, enforced here for drivers that ignore it (DuckDB). */
    DltResultSet(Statement owner, ResultSet delegate, long maxRows) {
        super(delegate);
        this.owner = owner;
        this.maxRows = maxRows;
    }

    /** The result is read in the driver's own transaction: ended when the result is exhausted or closed. */
    DltResultSet streamedIn(StreamingTransaction transaction) {
        this.stream = transaction != null && transaction.held() ? transaction : null;
        return this;
    }

    @Override
    public boolean next() throws SQLException {
        if (maxRows > 0 && rowsRead >= maxRows) {
            endStream();
            return false;
        }
        boolean more;
        try {
            more = delegate.next();
        } catch (SQLException e) {
            if (stream != null) {
                stream.abort();
            }
            throw e;
        }
        if (more) {
            rowsRead++;
        } else {
            endStream();
        }
        return more;
    }

    @Override
    public void close() throws SQLException {
        try {
            delegate.close();
        } finally {
            endStream();
        }
    }

    private void endStream() throws SQLException {
        if (stream != null) {
            StreamingTransaction ending = stream;
            stream = null;
            ending.end();
        }
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
