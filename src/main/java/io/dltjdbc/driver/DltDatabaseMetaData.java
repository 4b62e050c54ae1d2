package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingDatabaseMetaData;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.dltjdbc.driver.metadata.MetadataColumns;
import io.dltjdbc.driver.metadata.NestingKeys;
import io.dltjdbc.driver.metadata.TableListing;
import io.dltjdbc.driver.metadata.TypeInfoRow;
import io.dltjdbc.driver.metadata.WholeSchema;

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

    /** Table {@code "%"}: every table of the schema (see {@link WholeSchema}). */
    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        if (WholeSchema.isWholeSchema(table)) {
            return WholeSchema.union(delegate, catalog, schema, delegate::getPrimaryKeys);
        }
        return wrapResultSet(delegate.getPrimaryKeys(catalog, schema, table));
    }

    /** Table {@code "%"}: every table of the schema (see {@link WholeSchema}). */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        if (WholeSchema.isWholeSchema(table)) {
            return WholeSchema.union(delegate, catalog, schema, (c, s, t) -> delegate.getIndexInfo(c, s, t, unique, approximate));
        }
        return wrapResultSet(delegate.getIndexInfo(catalog, schema, table, unique, approximate));
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
            String foreignSchema, String foreignTable) throws SQLException {
        return NestingKeys.crossReference(delegate, parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema,
                foreignTable);
    }

    /**
     * The destination's columns; where its driver can't say whether a column is auto-incremented (DuckDB
     * answers "") the answer is derived from the default: {@code nextval(...)} is YES, anything else NO.
     */
    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        ResultSet vendor = delegate.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        List<InMemoryResultSet.Column> columns = MetadataColumns.of(vendor);
        int autoIncrement = indexOf(columns, "IS_AUTOINCREMENT");
        int columnDefault = indexOf(columns, "COLUMN_DEF");
        List<Object[]> rows = MetadataColumns.rows(vendor);
        if (autoIncrement >= 0) {
            for (Object[] row : rows) {
                if (row[autoIncrement] == null || row[autoIncrement].toString().isEmpty()) {
                    Object def = columnDefault >= 0 ? row[columnDefault] : null;
                    boolean sequence = def != null && def.toString().toLowerCase(Locale.ROOT).startsWith("nextval(");
                    row[autoIncrement] = sequence ? "YES" : "NO";
                }
            }
        }
        return new InMemoryResultSet(columns, rows);
    }

    private static int indexOf(List<InMemoryResultSet.Column> columns, String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }

    // ---- keyword and function lists: the vendor's entries, sorted and without empty ones (DuckDB builds
    // them without ORDER BY, so two calls differ, and ends some with a comma)

    @Override
    public String getSQLKeywords() throws SQLException {
        return sortedList(delegate.getSQLKeywords());
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        return sortedList(delegate.getNumericFunctions());
    }

    @Override
    public String getStringFunctions() throws SQLException {
        return sortedList(delegate.getStringFunctions());
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        return sortedList(delegate.getSystemFunctions());
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        return sortedList(delegate.getTimeDateFunctions());
    }

    static String sortedList(String commaSeparated) {
        if (commaSeparated == null) {
            return null;
        }
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).distinct()
                .sorted().collect(java.util.stream.Collectors.joining(","));
    }

    // ---- answers some drivers (DuckDB) refuse with SQLFeatureNotSupportedException; tools read them all

    private interface Answer<T> {
        T get() throws SQLException;
    }

    private static <T> T orDefault(Answer<T> answer, T fallback) throws SQLException {
        try {
            return answer.get();
        } catch (SQLFeatureNotSupportedException e) {
            return fallback;
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return orDefault(delegate::getResultSetHoldability, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public int getSQLStateType() throws SQLException {
        return orDefault(delegate::getSQLStateType, DatabaseMetaData.sqlStateSQL);
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        return orDefault(delegate::locatorsUpdateCopy, true);
    }

    @Override
    public RowIdLifetime getRowIdLifetime() throws SQLException {
        return orDefault(delegate::getRowIdLifetime, RowIdLifetime.ROWID_UNSUPPORTED);
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        return orDefault(delegate::autoCommitFailureClosesAllResultSets, false);
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        return orDefault(delegate::generatedKeyAlwaysReturned, false);
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) throws SQLException {
        return orDefault(() -> delegate.ownUpdatesAreVisible(type), false);
    }

    @Override
    public boolean ownDeletesAreVisible(int type) throws SQLException {
        return orDefault(() -> delegate.ownDeletesAreVisible(type), false);
    }

    @Override
    public boolean ownInsertsAreVisible(int type) throws SQLException {
        return orDefault(() -> delegate.ownInsertsAreVisible(type), false);
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) throws SQLException {
        return orDefault(() -> delegate.othersUpdatesAreVisible(type), false);
    }

    @Override
    public boolean othersDeletesAreVisible(int type) throws SQLException {
        return orDefault(() -> delegate.othersDeletesAreVisible(type), false);
    }

    @Override
    public boolean othersInsertsAreVisible(int type) throws SQLException {
        return orDefault(() -> delegate.othersInsertsAreVisible(type), false);
    }

    @Override
    public boolean updatesAreDetected(int type) throws SQLException {
        return orDefault(() -> delegate.updatesAreDetected(type), false);
    }

    @Override
    public boolean deletesAreDetected(int type) throws SQLException {
        return orDefault(() -> delegate.deletesAreDetected(type), false);
    }

    @Override
    public boolean insertsAreDetected(int type) throws SQLException {
        return orDefault(() -> delegate.insertsAreDetected(type), false);
    }

    @Override
    public boolean supportsResultSetType(int type) throws SQLException {
        return orDefault(() -> delegate.supportsResultSetType(type), type == ResultSet.TYPE_FORWARD_ONLY);
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
        return orDefault(() -> delegate.supportsResultSetConcurrency(type, concurrency),
                type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) throws SQLException {
        return orDefault(() -> delegate.supportsResultSetHoldability(holdability), holdability == getResultSetHoldability());
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
        return orDefault(() -> delegate.supportsTransactionIsolationLevel(level), level == delegate.getDefaultTransactionIsolation());
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) throws SQLException {
        return orDefault(() -> delegate.supportsConvert(fromType, toType), false);
    }

    /** The facade implements the JDBC 4.2 interfaces whatever the vendor says (DuckDB says 1.0). */
    @Override
    public int getJDBCMajorVersion() throws SQLException {
        return Math.max(4, delegate.getJDBCMajorVersion());
    }

    @Override
    public int getJDBCMinorVersion() throws SQLException {
        return delegate.getJDBCMajorVersion() < 4 ? 2 : delegate.getJDBCMinorVersion();
    }

    /** Read from the product version ("v1.4.4" is 1.4) where it parses; DuckDB's driver says 1.0 for every 1.x. */
    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        int[] version = productVersion();
        return version != null ? version[0] : delegate.getDatabaseMajorVersion();
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        int[] version = productVersion();
        return version != null ? version[1] : delegate.getDatabaseMinorVersion();
    }

    private int[] productVersion() throws SQLException {
        String version = delegate.getDatabaseProductVersion();
        Matcher matcher = version == null ? null : PRODUCT_VERSION.matcher(version);
        if (matcher == null || !matcher.find()) {
            return null;
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    private static final Pattern PRODUCT_VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

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
