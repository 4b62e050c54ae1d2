package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingDatabaseMetaData;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import io.dltjdbc.driver.metadata.MetadataColumns;
import io.dltjdbc.driver.metadata.NestingKeys;
import io.dltjdbc.driver.metadata.TableListing;
import io.dltjdbc.driver.metadata.TypeInfoRow;

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
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        return TableListing.tables(delegate, catalog, schemaPattern, tableNamePattern, types);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return TableListing.tableTypes(delegate);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return NestingKeys.imported(delegate, catalog, schema, table);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return NestingKeys.exported(delegate, catalog, schema, table);
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        try {
            return wrapResultSet(delegate.getTypeInfo());
        } catch (SQLFeatureNotSupportedException e) {
            List<Object[]> rows = new ArrayList<>();
            for (TypeInfoRow row : connection.destination().typeInfo()) {
                rows.add(row.row());
            }
            return new InMemoryResultSet(MetadataColumns.TYPE_INFO, rows);
        }
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        return orEmpty(() -> delegate.getUDTs(catalog, schemaPattern, typeNamePattern, types), MetadataColumns.UDTS);
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return orEmpty(() -> delegate.getTablePrivileges(catalog, schemaPattern, tableNamePattern), MetadataColumns.TABLE_PRIVILEGES);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
        return orEmpty(() -> delegate.getColumnPrivileges(catalog, schema, table, columnNamePattern), MetadataColumns.COLUMN_PRIVILEGES);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return orEmpty(() -> delegate.getSuperTypes(catalog, schemaPattern, typeNamePattern), MetadataColumns.SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        return orEmpty(() -> delegate.getSuperTables(catalog, schemaPattern, tableNamePattern), MetadataColumns.SUPER_TABLES);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return orEmpty(delegate::getClientInfoProperties, MetadataColumns.CLIENT_INFO);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return orEmpty(() -> delegate.getVersionColumns(catalog, schema, table), MetadataColumns.VERSION_COLUMNS);
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
        return orEmpty(() -> delegate.getBestRowIdentifier(catalog, schema, table, scope, nullable), MetadataColumns.BEST_ROW);
    }

    private interface MetadataQuery {
        ResultSet run() throws SQLException;
    }

    /** What the destination's driver can't answer is an empty result of the standard shape, never an exception. */
    private ResultSet orEmpty(MetadataQuery query, List<InMemoryResultSet.Column> columns) throws SQLException {
        try {
            return wrapResultSet(query.run());
        } catch (SQLFeatureNotSupportedException e) {
            return new InMemoryResultSet(columns, List.of());
        }
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new DltResultSet(null, resultSet);
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
