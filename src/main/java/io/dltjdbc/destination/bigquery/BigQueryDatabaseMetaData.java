package io.dltjdbc.destination.bigquery;

import io.dltjdbc.driver.Unwrapping;
import com.google.api.gax.paging.Page;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import io.dltjdbc.driver.InMemoryResultSet;
import io.dltjdbc.driver.InMemoryResultSet.Column;
import io.dltjdbc.driver.forwarding.ForwardingDatabaseMetaData;
import io.dltjdbc.driver.metadata.MetadataColumns;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Metadata from the BigQuery API: the catalog is the project, schemas are its datasets, tables and columns
 * come from {@code tables.list}/{@code tables.get}. JDBC name patterns ({@code %}, {@code _}, escape {@code \})
 * are matched here.
 */
final class BigQueryDatabaseMetaData extends ForwardingDatabaseMetaData {
    private static final List<Column> CATALOGS = List.of(Column.text("TABLE_CAT"));
    private static final List<Column> SCHEMAS = List.of(Column.text("TABLE_SCHEM"), Column.text("TABLE_CATALOG"));
    private static final List<Column> TABLES = List.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"), Column.text("TABLE_NAME"),
            Column.text("TABLE_TYPE"), Column.text("REMARKS"), Column.text("TYPE_CAT"), Column.text("TYPE_SCHEM"),
            Column.text("TYPE_NAME"), Column.text("SELF_REFERENCING_COL_NAME"), Column.text("REF_GENERATION"));
    private static final List<Column> COLUMNS = List.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"),
            Column.text("TABLE_NAME"), Column.text("COLUMN_NAME"), Column.integer("DATA_TYPE"), Column.text("TYPE_NAME"),
            Column.integer("COLUMN_SIZE"), Column.integer("BUFFER_LENGTH"), Column.integer("DECIMAL_DIGITS"),
            Column.integer("NUM_PREC_RADIX"), Column.integer("NULLABLE"), Column.text("REMARKS"), Column.text("COLUMN_DEF"),
            Column.integer("SQL_DATA_TYPE"), Column.integer("SQL_DATETIME_SUB"), Column.integer("CHAR_OCTET_LENGTH"),
            Column.integer("ORDINAL_POSITION"), Column.text("IS_NULLABLE"), Column.text("SCOPE_CATALOG"), Column.text("SCOPE_SCHEMA"),
            Column.text("SCOPE_TABLE"), new Column("SOURCE_DATA_TYPE", Types.SMALLINT, "SMALLINT"), Column.text("IS_AUTOINCREMENT"),
            Column.text("IS_GENERATEDCOLUMN"));
    private static final List<Column> PRIMARY_KEYS = List.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"),
            Column.text("TABLE_NAME"), Column.text("COLUMN_NAME"), new Column("KEY_SEQ", Types.SMALLINT, "SMALLINT"),
            Column.text("PK_NAME"));
    private static final List<Column> INDEX_INFO = List.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"),
            Column.text("TABLE_NAME"), Column.bool("NON_UNIQUE"), Column.text("INDEX_QUALIFIER"), Column.text("INDEX_NAME"),
            new Column("TYPE", Types.SMALLINT, "SMALLINT"), new Column("ORDINAL_POSITION", Types.SMALLINT, "SMALLINT"),
            Column.text("COLUMN_NAME"), Column.text("ASC_OR_DESC"), Column.bigint("CARDINALITY"), Column.bigint("PAGES"),
            Column.text("FILTER_CONDITION"));
    private static final List<Column> PROCEDURES = List.of(Column.text("PROCEDURE_CAT"), Column.text("PROCEDURE_SCHEM"),
            Column.text("PROCEDURE_NAME"), Column.text("RESERVED1"), Column.text("RESERVED2"), Column.text("RESERVED3"),
            Column.text("REMARKS"), new Column("PROCEDURE_TYPE", Types.SMALLINT, "SMALLINT"), Column.text("SPECIFIC_NAME"));
    private static final List<Column> FUNCTIONS = List.of(Column.text("FUNCTION_CAT"), Column.text("FUNCTION_SCHEM"),
            Column.text("FUNCTION_NAME"), Column.text("REMARKS"), new Column("FUNCTION_TYPE", Types.SMALLINT, "SMALLINT"),
            Column.text("SPECIFIC_NAME"));
    private static final List<String> TABLE_TYPES = List.of("EXTERNAL", "MATERIALIZED VIEW", "SNAPSHOT", "TABLE", "VIEW");

    private final BigQueryJdbcConnection connection;
    private final BigQuery bigquery;

    BigQueryDatabaseMetaData(BigQueryJdbcConnection connection) {
        super(Unsupported.of(DatabaseMetaData.class));
        this.connection = connection;
        this.bigquery = connection.bigquery();
    }

    // ---- listings

    @Override
    public ResultSet getCatalogs() {
        return new InMemoryResultSet(CATALOGS, List.<Object[]>of(new Object[] {connection.project()}));
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (catalogMatches(catalog)) {
            for (String dataset : datasets(schemaPattern)) {
                rows.add(new Object[] {dataset, connection.project()});
            }
        }
        return new InMemoryResultSet(SCHEMAS, rows);
    }

    @Override
    public ResultSet getTableTypes() {
        List<Object[]> rows = new ArrayList<>();
        for (String type : TABLE_TYPES) {
            rows.add(new Object[] {type});
        }
        return new InMemoryResultSet(MetadataColumns.TABLE_TYPES, rows);
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (catalogMatches(catalog)) {
            for (String dataset : datasets(schemaPattern)) {
                for (Table table : tables(dataset, tableNamePattern)) {
                    String type = tableType(table);
                    if (types == null || List.of(types).stream().anyMatch(t -> t != null && t.equalsIgnoreCase(type))) {
                        rows.add(new Object[] {connection.project(), dataset, table.getTableId().getTable(), type,
                            table.getDescription(), null, null, null, null, null});
                    }
                }
            }
        }
        return new InMemoryResultSet(TABLES, rows);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (catalogMatches(catalog)) {
            Pattern columns = pattern(columnNamePattern);
            for (String dataset : datasets(schemaPattern)) {
                for (Table listed : tables(dataset, tableNamePattern)) {
                    Schema schema = schema(listed);
                    if (schema == null) {
                        continue;
                    }
                    int position = 0;
                    for (Field field : schema.getFields()) {
                        position++;
                        if (columns != null && !columns.matcher(field.getName()).matches()) {
                            continue;
                        }
                        boolean required = field.getMode() == Field.Mode.REQUIRED;
                        int jdbcType = BigQueryTypes.jdbcType(field);
                        rows.add(new Object[] {connection.project(), dataset, listed.getTableId().getTable(), field.getName(), jdbcType,
                            BigQueryTypes.typeName(field), BigQueryTypes.precision(field), null, BigQueryTypes.scale(field), 10,
                            required ? columnNoNulls : columnNullable, field.getDescription(), defaultValue(field), null, null,
                            jdbcType == Types.VARCHAR ? Integer.MAX_VALUE : null, position, required ? "NO" : "YES",
                            null, null, null, null, "NO", "NO"});
                    }
                }
            }
        }
        return new InMemoryResultSet(COLUMNS, rows);
    }

    private static String defaultValue(Field field) {
        try {
            return field.getDefaultValueExpression();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private Schema schema(Table listed) throws SQLException {
        try {
            Table table = bigquery.getTable(listed.getTableId());
            TableDefinition definition = table == null ? null : table.getDefinition();
            return definition == null ? null : definition.getSchema();
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("cannot read table " + listed.getTableId().getTable(), e);
        }
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) {
        return new InMemoryResultSet(PRIMARY_KEYS, List.of());
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) {
        return new InMemoryResultSet(INDEX_INFO, List.of());
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) {
        return new InMemoryResultSet(MetadataColumns.KEYS, List.of());
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) {
        return new InMemoryResultSet(MetadataColumns.KEYS, List.of());
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
        return new InMemoryResultSet(PROCEDURES, List.of());
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
        return new InMemoryResultSet(FUNCTIONS, List.of());
    }

    @Override
    public ResultSet getTypeInfo() {
        List<Object[]> rows = new ArrayList<>();
        for (io.dltjdbc.driver.metadata.TypeInfoRow row : BigQueryDestination.TYPE_INFO) {
            rows.add(row.row());
        }
        return new InMemoryResultSet(MetadataColumns.TYPE_INFO, rows);
    }

    private boolean catalogMatches(String catalog) {
        return catalog == null || catalog.isEmpty() || catalog.equals(connection.project());
    }

    private List<String> datasets(String schemaPattern) throws SQLException {
        Pattern pattern = pattern(schemaPattern);
        List<String> names = new ArrayList<>();
        try {
            Page<Dataset> page = bigquery.listDatasets(connection.project(), BigQuery.DatasetListOption.all());
            for (Dataset dataset : page.iterateAll()) {
                String name = dataset.getDatasetId().getDataset();
                if (pattern == null || pattern.matcher(name).matches()) {
                    names.add(name);
                }
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("cannot list datasets of project " + connection.project(), e);
        }
        names.sort(null);
        return names;
    }

    private List<Table> tables(String dataset, String tablePattern) throws SQLException {
        Pattern pattern = pattern(tablePattern);
        List<Table> found = new ArrayList<>();
        try {
            for (Table table : bigquery.listTables(DatasetId.of(connection.project(), dataset)).iterateAll()) {
                if (pattern == null || pattern.matcher(table.getTableId().getTable()).matches()) {
                    found.add(table);
                }
            }
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return found;
            }
            throw BigQueryErrors.of("cannot list tables of dataset " + dataset, e);
        }
        found.sort((a, b) -> a.getTableId().getTable().compareTo(b.getTableId().getTable()));
        return found;
    }

    private static String tableType(Table table) {
        TableDefinition definition = table.getDefinition();
        TableDefinition.Type type = definition == null ? null : definition.getType();
        if (type == null || TableDefinition.Type.TABLE.equals(type)) {
            return "TABLE";
        }
        return type.name().replace('_', ' ');
    }

    /** A JDBC LIKE pattern as a regex; null when it matches everything. */
    static Pattern pattern(String like) {
        if (like == null || like.equals("%")) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    // ---- the database and its SQL

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() {
        return "bigquery://" + connection.project();
    }

    @Override
    public String getUserName() {
        return null;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getDatabaseProductName() {
        return "Google BigQuery";
    }

    @Override
    public String getDatabaseProductVersion() {
        return "2.0";
    }

    @Override
    public int getDatabaseMajorVersion() {
        return 2;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return 0;
    }

    @Override
    public String getDriverName() {
        return "dlt-jdbc BigQuery";
    }

    @Override
    public String getDriverVersion() {
        return "1.0";
    }

    @Override
    public int getDriverMajorVersion() {
        return 1;
    }

    @Override
    public int getDriverMinorVersion() {
        return 0;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "`";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getCatalogTerm() {
        return "project";
    }

    @Override
    public String getSchemaTerm() {
        return "dataset";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSQLKeywords() {
        return "ASSERT_ROWS_MODIFIED,ENUM,EXCLUDE,EXTRACT,GROUPS,HASH,IGNORE,LOOKUP,MERGE,NEW,NULLS,PROTO,QUALIFY,RANGE,RESPECT,"
                + "ROLLUP,STRUCT,TABLESAMPLE,TREAT,UNBOUNDED,WINDOW,WITHIN";
    }

    @Override
    public String getNumericFunctions() {
        return "ABS,ACOS,ASIN,ATAN,ATAN2,CEIL,COS,EXP,FLOOR,LOG,LOG10,MOD,POWER,ROUND,SIGN,SIN,SQRT,TAN,TRUNC";
    }

    @Override
    public String getStringFunctions() {
        return "CONCAT,LENGTH,LOWER,LTRIM,REPLACE,REPEAT,RTRIM,SUBSTR,TRIM,UPPER";
    }

    @Override
    public String getSystemFunctions() {
        return "";
    }

    @Override
    public String getTimeDateFunctions() {
        return "CURRENT_DATE,CURRENT_DATETIME,CURRENT_TIME,CURRENT_TIMESTAMP,DATE_ADD,DATE_DIFF,DATE_TRUNC,EXTRACT";
    }

    @Override
    public int getMaxColumnNameLength() {
        return 300;
    }

    @Override
    public int getMaxTableNameLength() {
        return 1024;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 1024;
    }

    @Override
    public int getMaxStatementLength() {
        return 1024 * 1024;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 10_000;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 100 * 1024 * 1024;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsTransactions() {
        return false;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return true;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return false;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean usesLocalFiles() {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    @Override
    public boolean allProceduresAreCallable() {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return true;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return true;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.self(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
