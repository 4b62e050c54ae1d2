package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingDatabaseMetaData;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The destination's metadata behind the dlt facade: the driver's own name and version, a URL without
 * secrets, and back-references to the dlt connection.
 */
public final class DltDatabaseMetaData extends ForwardingDatabaseMetaData {
    private final DltConnection connection;

    DltDatabaseMetaData(DltConnection connection, DatabaseMetaData delegate) {
        super(delegate);
        this.connection = connection;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() {
        return connection.displayUrl();
    }

    @Override
    public String getDriverName() {
        return DltDriver.NAME;
    }

    @Override
    public String getDriverVersion() {
        return DltDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return DltDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return DltDriver.MINOR_VERSION;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new DltResultSet(null, resultSet);
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
