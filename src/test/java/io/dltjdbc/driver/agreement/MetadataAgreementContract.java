package io.dltjdbc.driver.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The metadata a dlt connection answers equals what the destination's own driver answers on the same
 * database, except for the documented differences (docs/jdbc-compatibility.md), which are asserted
 * here one by one. One subclass per destination.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetadataAgreementContract {
    static final String DATASET = "md_agree";
    static final String ESCAPED_DATASET = "md\\_agree";

    /** The driver's own answers, which differ from the vendor's on purpose. */
    static final Set<String> OWN_ANSWERS = Set.of("getURL", "getDriverName", "getDriverVersion", "getDriverMajorVersion",
            "getDriverMinorVersion", "getConnection", "getDatabaseMajorVersion", "getDatabaseMinorVersion", "getJDBCMajorVersion",
            "getJDBCMinorVersion");

    protected Connection dlt;
    protected DatabaseMetaData ours;
    protected DatabaseMetaData vendor;
    protected String catalog;

    /** Opens the dlt connection on an empty dataset {@link #DATASET}. */
    abstract Connection openDlt() throws SQLException;

    /** The destination driver's own metadata on the same database. */
    abstract DatabaseMetaData vendorMetaData(Connection dlt) throws SQLException;

    /** A plain connection of the destination's driver, for queries to compare result set metadata. */
    abstract Connection vendorConnection(Connection dlt) throws SQLException;

    /** DuckDB's driver calls tables {@code BASE TABLE}; dlt-jdbc says {@code TABLE}. */
    abstract boolean vendorSaysBaseTable();

    void load() throws SQLException {
        dlt = openDlt();
        try (Statement s = dlt.createStatement()) {
            s.execute("LOAD PIPELINE md_agree FROM JSON '[{\"id\": 1, \"name\": \"x\", \"lines\": [{\"sku\": \"a\", "
                    + "\"parts\": [1, 2]}]}]' INTO md_agree.orders");
            s.execute("CREATE VIEW md_agree.order_view AS SELECT id FROM md_agree.orders");
            s.execute("CREATE TABLE md_agree.keyed (k INTEGER PRIMARY KEY, v VARCHAR NOT NULL, n DECIMAL(10, 2))");
            s.execute("CREATE INDEX keyed_v ON md_agree.keyed (v)");
            s.execute("CREATE TABLE md_agree.ordersxxlines (x INTEGER)");
        }
        ours = dlt.getMetaData();
        vendor = vendorMetaData(dlt);
        catalog = dlt.getCatalog();
    }

    @AfterAll
    void closeDlt() throws SQLException {
        if (dlt != null) {
            dlt.close();
        }
    }

    // ---- helpers

    interface Query {
        ResultSet run(DatabaseMetaData metaData) throws SQLException;
    }

    private static String describe(Query query, DatabaseMetaData metaData) {
        try {
            return String.valueOf(Snapshot.of(query.run(metaData)));
        } catch (SQLException e) {
            return "threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Both answers, row for row, column label for label, type for type. */
    void assertAgree(String what, Query query) throws SQLException {
        Snapshot expected = Snapshot.of(query.run(vendor));
        Snapshot actual = Snapshot.of(query.run(ours));
        assertEquals(expected, actual, what);
    }

    private String[] vendorTypes(String[] types) {
        if (types == null || !vendorSaysBaseTable()) {
            return types;
        }
        return Arrays.stream(types).map(t -> t.equals("TABLE") ? "BASE TABLE" : t).toArray(String[]::new);
    }

    private String standardType(String type) {
        return vendorSaysBaseTable() && "BASE TABLE".equals(type) ? "TABLE" : type;
    }

    /** getTables agrees once the vendor's BASE TABLE is read as TABLE (the one documented difference). */
    void assertTablesAgree(String schemaPattern, String tablePattern, String... types) throws SQLException {
        String[] filter = types.length == 0 ? null : types;
        Snapshot expected = Snapshot.of(vendor.getTables(catalog, schemaPattern, tablePattern, vendorTypes(filter)))
                .mapColumn("TABLE_TYPE", this::standardType);
        Snapshot actual = Snapshot.of(ours.getTables(catalog, schemaPattern, tablePattern, filter));
        assertEquals(expected, actual, "getTables(" + schemaPattern + ", " + tablePattern + ", " + Arrays.toString(filter) + ")");
    }

    // ---- catalogs, schemas, tables

    @Test
    void catalogsAgree() throws SQLException {
        assertAgree("getCatalogs", DatabaseMetaData::getCatalogs);
        assertTrue(Snapshot.of(ours.getCatalogs()).column("TABLE_CAT").contains(catalog));
    }

    @Test
    void schemasAgree() throws SQLException {
        assertAgree("getSchemas()", DatabaseMetaData::getSchemas);
        assertAgree("getSchemas(cat, %)", m -> m.getSchemas(catalog, "%"));
        assertAgree("getSchemas(null, null)", m -> m.getSchemas(null, null));
        assertAgree("getSchemas(cat, exact)", m -> m.getSchemas(catalog, DATASET));
        assertAgree("getSchemas(cat, escaped)", m -> m.getSchemas(catalog, ESCAPED_DATASET));
        assertAgree("getSchemas(cat, md%)", m -> m.getSchemas(catalog, "md%"));
        Snapshot schemas = Snapshot.of(ours.getSchemas(catalog, DATASET));
        assertEquals(List.of(DATASET), schemas.column("TABLE_SCHEM"));
        assertEquals(List.of(catalog), schemas.column("TABLE_CATALOG"), "a schema row names its parent catalog (DBeaver)");
    }

    @Test
    void tablesAgreeForEveryPattern() throws SQLException {
        assertTablesAgree(DATASET, null);
        assertTablesAgree(DATASET, "%");
        assertTablesAgree(DATASET, "");
        assertTablesAgree(DATASET, "orders");
        assertTablesAgree(DATASET, "orders__lines");
        assertTablesAgree(DATASET, "orders\\_\\_lines");
        assertTablesAgree(ESCAPED_DATASET, "orders%");
        assertTablesAgree("md_agre_", "o%");
        assertTablesAgree(DATASET, "%", "TABLE");
        assertTablesAgree(DATASET, "%", "VIEW");
        assertTablesAgree(DATASET, "%", "TABLE", "VIEW");
        assertTablesAgree(null, "DBEAVERFAKETABLENAMEFORPING");
    }

    @Test
    void escapedUnderscoreMatchesOnlyItself() throws SQLException {
        assertEquals("\\", ours.getSearchStringEscape());
        assertEquals(List.of("orders__lines"),
                Snapshot.of(ours.getTables(catalog, DATASET, "orders\\_\\_lines", null)).column("TABLE_NAME"));
        List<String> loose = Snapshot.of(ours.getTables(catalog, DATASET, "orders__lines", null)).column("TABLE_NAME");
        assertTrue(loose.containsAll(List.of("orders__lines", "ordersxxlines")), loose.toString());
    }

    @Test
    void tableTypeFiltersUseStandardNames() throws SQLException {
        List<String> tables = Snapshot.of(ours.getTables(catalog, DATASET, "%", new String[] {"TABLE"})).column("TABLE_NAME");
        assertTrue(tables.containsAll(List.of("orders", "orders__lines", "orders__lines__parts", "keyed", "_dlt_loads")),
                tables.toString());
        assertEquals(List.of("order_view"),
                Snapshot.of(ours.getTables(catalog, DATASET, "%", new String[] {"VIEW"})).column("TABLE_NAME"));
    }

    @Test
    void tableTypesAgreeExceptBaseTable() throws SQLException {
        List<String> expected = new ArrayList<>(Snapshot.of(vendor.getTableTypes()).column("TABLE_TYPE").stream()
                .map(this::standardType).distinct().toList());
        List<String> actual = Snapshot.of(ours.getTableTypes()).column("TABLE_TYPE");
        expected.sort(Comparator.naturalOrder());
        assertEquals(expected, actual);
        assertFalse(actual.contains("BASE TABLE"));
        assertTrue(actual.containsAll(List.of("TABLE", "VIEW")), actual.toString());
        assertEquals(List.of("TABLE_TYPE"), Snapshot.of(ours.getTableTypes()).labels());
    }

    // ---- columns, keys, indexes

    /** getColumns agrees once the vendor's undetermined IS_AUTOINCREMENT ("", DuckDB) reads NO (no sequence default). */
    void assertColumnsAgree(String schemaPattern, String tablePattern, String columnPattern) throws SQLException {
        Snapshot expected = Snapshot.of(vendor.getColumns(catalog, schemaPattern, tablePattern, columnPattern))
                .mapColumn("IS_AUTOINCREMENT", v -> v == null || v.isEmpty() ? "NO" : v);
        Snapshot actual = Snapshot.of(ours.getColumns(catalog, schemaPattern, tablePattern, columnPattern));
        assertEquals(expected, actual, "getColumns(" + schemaPattern + ", " + tablePattern + ", " + columnPattern + ")");
    }

    @Test
    void columnsAgreeInEveryJdbcColumn() throws SQLException {
        assertColumnsAgree(DATASET, "%", "%");
        assertColumnsAgree(DATASET, "orders", null);
        assertColumnsAgree(ESCAPED_DATASET, "orders\\_\\_lines", "%");
        assertColumnsAgree(DATASET, "keyed", "v");
        assertColumnsAgree(DATASET, "orders", "\\_dlt%");
        assertColumnsAgree(DATASET, "", "%");
        assertColumnsAgree(null, "keyed", "%");
        Snapshot columns = Snapshot.of(ours.getColumns(catalog, DATASET, "keyed", "%"));
        assertTrue(columns.labels().containsAll(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
                "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
                "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE",
                "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN")),
                columns.labels().toString());
        assertEquals(List.of("k", "v", "n"), columns.column("COLUMN_NAME"));
        assertEquals(List.of("1", "2", "3"), columns.column("ORDINAL_POSITION"));
        assertEquals(String.valueOf(DatabaseMetaData.columnNoNulls), columns.column("NULLABLE").get(1));
        assertEquals(String.valueOf(DatabaseMetaData.columnNullable), columns.column("NULLABLE").get(2));
        assertEquals("NO", columns.column("IS_AUTOINCREMENT").get(2));
    }

    @Test
    void primaryKeysAgree() throws SQLException {
        assertAgree("getPrimaryKeys(keyed)", m -> m.getPrimaryKeys(catalog, DATASET, "keyed"));
        assertAgree("getPrimaryKeys(null, null, keyed)", m -> m.getPrimaryKeys(null, null, "keyed"));
        assertAgree("getPrimaryKeys(orders)", m -> m.getPrimaryKeys(catalog, DATASET, "orders"));
        assertEquals(List.of("k"), Snapshot.of(ours.getPrimaryKeys(catalog, DATASET, "keyed")).column("COLUMN_NAME"));
    }

    /** The vendor's answer for every table of the schema, one after another (what table "%" means to dlt-jdbc). */
    private Snapshot vendorPerTable(Query perTable, java.util.function.Function<String, Query> forTable) throws SQLException {
        Snapshot shape = Snapshot.of(perTable.run(vendor));
        List<List<String>> rows = new ArrayList<>(shape.rows());
        for (String table : Snapshot.of(vendor.getTables(catalog, DATASET, "%", null)).column("TABLE_NAME")) {
            rows.addAll(Snapshot.of(forTable.apply(table).run(vendor)).rows());
        }
        return new Snapshot(shape.labels(), shape.types(), shape.typeNames(), rows);
    }

    @Test
    void percentTableMeansEveryTableOfTheSchema() throws SQLException {
        assertEquals(List.of(), Snapshot.of(vendor.getPrimaryKeys(catalog, DATASET, "%")).rows(), "the vendor answers nothing");
        Snapshot keys = Snapshot.of(ours.getPrimaryKeys(catalog, DATASET, "%"));
        assertEquals(vendorPerTable(m -> m.getPrimaryKeys(catalog, DATASET, "%"), t -> m -> m.getPrimaryKeys(catalog, DATASET, t)), keys);
        assertEquals(List.of("keyed"), keys.column("TABLE_NAME"));
        Snapshot indexes = Snapshot.of(ours.getIndexInfo(catalog, DATASET, "%", false, true));
        assertEquals(vendorPerTable(m -> m.getIndexInfo(catalog, DATASET, "%", false, true),
                t -> m -> m.getIndexInfo(catalog, DATASET, t, false, true)), indexes);
        assertTrue(indexes.column("INDEX_NAME").contains("keyed_v"), indexes.toString());
    }

    @Test
    void indexesAgree() throws SQLException {
        assertAgree("getIndexInfo(keyed)", m -> m.getIndexInfo(catalog, DATASET, "keyed", false, true));
        assertAgree("getIndexInfo(keyed, unique)", m -> m.getIndexInfo(catalog, DATASET, "keyed", true, false));
    }

    @Test
    void nestingForeignKeysAreAddedToTheVendorsKeys() throws SQLException {
        Snapshot imported = Snapshot.of(ours.getImportedKeys(catalog, DATASET, "orders__lines"));
        assertEquals(List.of("orders"), imported.column("PKTABLE_NAME"));
        assertEquals(List.of("_dlt_id"), imported.column("PKCOLUMN_NAME"));
        assertEquals(List.of("_dlt_parent_id"), imported.column("FKCOLUMN_NAME"));
        assertEquals(List.of(DATASET), imported.column("FKTABLE_SCHEM"));
        assertEquals(List.of(catalog), imported.column("FKTABLE_CAT"));
        assertEquals(List.of(), Snapshot.of(ours.getImportedKeys(catalog, DATASET, "keyed")).rows());
        assertEquals(List.of("orders__lines", "orders__lines__parts"),
                Snapshot.of(ours.getImportedKeys(catalog, DATASET, "%")).column("FKTABLE_NAME").stream().sorted().toList());
        assertEquals(List.of("orders__lines"), Snapshot.of(ours.getExportedKeys(catalog, DATASET, "orders")).column("FKTABLE_NAME"));
        Snapshot cross = Snapshot.of(ours.getCrossReference(catalog, DATASET, "orders", catalog, DATASET, "orders__lines"));
        assertEquals(List.of("_dlt_parent_id"), cross.column("FKCOLUMN_NAME"));
        assertEquals(List.of(), Snapshot.of(ours.getCrossReference(catalog, DATASET, "orders", catalog, DATASET, "keyed")).rows());
    }

    @Test
    void nestingKeysKeepToTheirSchemaWhenItsNameHasAnUnderscore() throws SQLException {
        // "md_agree" as a pattern would also match "mdXagree": keys must come from the named schema only
        for (List<String> row : Snapshot.of(ours.getImportedKeys(catalog, DATASET, "%")).rows()) {
            assertEquals(DATASET, row.get(5));
        }
    }

    // ---- types and scalar answers

    @Test
    void typeInfoAgreesOrIsAnsweredWhereTheVendorCannot() throws SQLException {
        Snapshot actual = Snapshot.of(ours.getTypeInfo());
        try {
            Snapshot expected = Snapshot.of(vendor.getTypeInfo());
            assertEquals(expected, actual);
        } catch (SQLFeatureNotSupportedException vendorHasNone) {
            assertTrue(actual.column("TYPE_NAME").containsAll(List.of("BIGINT", "VARCHAR", "BOOLEAN")), actual.toString());
        }
        assertEquals(List.of("TYPE_NAME", "DATA_TYPE", "PRECISION", "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS", "NULLABLE",
                "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE", "AUTO_INCREMENT", "LOCAL_TYPE_NAME",
                "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX"),
                actual.labels().stream().map(l -> l.toUpperCase(java.util.Locale.ROOT)).toList());
    }

    /** Every no-argument answer (names, versions, quoting, case, keywords, functions, supports* flags). */
    private static Map<String, String> scalarAnswers(DatabaseMetaData metaData) {
        Map<String, String> answers = new TreeMap<>();
        for (Method method : DatabaseMetaData.class.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || OWN_ANSWERS.contains(method.getName())
                    || ResultSet.class.isAssignableFrom(method.getReturnType())) {
                continue;
            }
            answers.put(method.getName(), invoke(metaData, method));
        }
        for (int type : new int[] {ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.TYPE_SCROLL_SENSITIVE}) {
            answers.put("supportsResultSetType(" + type + ")", invoke(metaData, "supportsResultSetType", type));
            answers.put("supportsResultSetConcurrency(" + type + ")",
                    invoke(metaData, "supportsResultSetConcurrency", type, ResultSet.CONCUR_READ_ONLY));
            for (String visibility : List.of("ownUpdatesAreVisible", "ownDeletesAreVisible", "ownInsertsAreVisible",
                    "othersUpdatesAreVisible", "othersDeletesAreVisible", "othersInsertsAreVisible", "updatesAreDetected",
                    "deletesAreDetected", "insertsAreDetected")) {
                answers.put(visibility + "(" + type + ")", invoke(metaData, visibility, type));
            }
        }
        for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
            Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
            answers.put("supportsTransactionIsolationLevel(" + level + ")", invoke(metaData, "supportsTransactionIsolationLevel", level));
        }
        answers.put("supportsResultSetHoldability", invoke(metaData, "supportsResultSetHoldability", ResultSet.HOLD_CURSORS_OVER_COMMIT));
        answers.put("supportsConvert(INTEGER,VARCHAR)", invoke(metaData, "supportsConvert", java.sql.Types.INTEGER, java.sql.Types.VARCHAR));
        return answers;
    }

    private static String invoke(DatabaseMetaData metaData, String name, int... arguments) {
        for (Method method : DatabaseMetaData.class.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                Object[] values = Arrays.stream(arguments).boxed().toArray();
                return invoke(metaData, method, values);
            }
        }
        throw new AssertionError("no method " + name);
    }

    private static String invoke(DatabaseMetaData metaData, Method method, Object... arguments) {
        try {
            return String.valueOf(method.invoke(metaData, arguments));
        } catch (InvocationTargetException e) {
            return "threw " + e.getCause().getClass().getSimpleName();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyScalarAnswerAgrees() {
        Map<String, String> expected = scalarAnswers(vendor);
        Map<String, String> actual = scalarAnswers(ours);
        assertEquals(expected.keySet(), actual.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!vendorAnswerIsUnsupported(expected.get(name)) && !normalized(name, expected.get(name)).equals(actual.get(name))) {
                differences.add(name + ": vendor " + expected.get(name) + ", dlt " + actual.get(name));
            }
        }
        assertEquals(List.of(), differences);
        List<String> refused = actual.entrySet().stream().filter(answer -> answer.getValue().startsWith("threw"))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), refused, "dlt answers where the vendor throws SQLFeatureNotSupportedException");
    }

    /** Answers corrected where the vendor's is wrong; equal to the vendor's where it is right (PostgreSQL). */
    @Test
    void versionsAreReadFromTheProductVersion() throws SQLException {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("^v?(\\d+)\\.(\\d+)")
                .matcher(vendor.getDatabaseProductVersion());
        assertTrue(version.find(), vendor.getDatabaseProductVersion());
        assertEquals(Integer.parseInt(version.group(1)), ours.getDatabaseMajorVersion());
        assertEquals(Integer.parseInt(version.group(2)), ours.getDatabaseMinorVersion());
        assertTrue(ours.getJDBCMajorVersion() >= 4, "the facade implements JDBC 4.x, even where the vendor says 1.0");
        if (vendor.getJDBCMajorVersion() >= 4) {
            assertEquals(vendor.getJDBCMajorVersion(), ours.getJDBCMajorVersion());
            assertEquals(vendor.getJDBCMinorVersion(), ours.getJDBCMinorVersion());
        }
    }

    /** Keyword and function lists: the same entries, sorted, without empty ones (documented difference). */
    private static String normalized(String name, String answer) {
        if (!name.equals("getSQLKeywords") && !(name.startsWith("get") && name.endsWith("Functions"))) {
            return answer;
        }
        return Arrays.stream(answer.split(",")).map(String::strip).filter(e -> !e.isEmpty()).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(","));
    }

    private static boolean vendorAnswerIsUnsupported(String answer) {
        return answer.startsWith("threw SQLFeatureNotSupported");
    }

    @Test
    void quotingAndCaseAnswersAreUsable() throws SQLException {
        assertEquals("\"", ours.getIdentifierQuoteString());
        assertNotNull(ours.getSQLKeywords());
        assertNotNull(ours.getNumericFunctions());
        assertNotNull(ours.getStringFunctions());
        assertNotNull(ours.getSystemFunctions());
        assertNotNull(ours.getTimeDateFunctions());
        assertTrue(ours.supportsSchemasInTableDefinitions());
    }

    @Test
    void driverAnswersAreOurOwn() throws SQLException {
        assertEquals("dlt-jdbc", ours.getDriverName());
        assertTrue(ours.getDriverMajorVersion() >= 1);
        assertEquals(ours.getDriverMajorVersion() + "." + ours.getDriverMinorVersion(),
                ours.getDriverVersion().replaceAll("^(\\d+\\.\\d+).*", "$1"));
        assertTrue(ours.getURL().startsWith("jdbc:dlt:"), ours.getURL());
        assertFalse(ours.getURL().contains("s3cr3t"), ours.getURL());
        assertEquals(vendor.getDatabaseProductName(), ours.getDatabaseProductName());
        assertEquals(vendor.getDatabaseProductVersion(), ours.getDatabaseProductVersion());
        assertTrue(ours.getDatabaseMajorVersion() > 0 || ours.getDatabaseMinorVersion() > 0);
    }

    @Test
    void functionsAndProceduresAgree() throws SQLException {
        assertAgree("getFunctions", m -> m.getFunctions(catalog, DATASET, "%"));
        assertAgree("getProcedures", m -> m.getProcedures(catalog, DATASET, "%"));
    }

    // ---- result set metadata, back-references

    @Test
    void resultSetMetaDataAgrees() throws SQLException {
        String sql = "SELECT * FROM md_agree.keyed CROSS JOIN md_agree.orders";
        try (Connection plain = vendorConnection(dlt);
             Statement vs = plain.createStatement(); ResultSet expected = vs.executeQuery(sql);
             Statement ds = dlt.createStatement(); ResultSet actual = ds.executeQuery(sql)) {
            assertEquals(describe(expected.getMetaData()), describe(actual.getMetaData()));
            try (PreparedStatement vp = plain.prepareStatement(sql); PreparedStatement dp = dlt.prepareStatement(sql)) {
                assertEquals(describe(vp.getMetaData()), describe(dp.getMetaData()));
            }
        }
    }

    static List<String> describe(ResultSetMetaData metaData) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(String.join("|", metaData.getColumnLabel(i), metaData.getColumnName(i), String.valueOf(metaData.getColumnType(i)),
                    metaData.getColumnTypeName(i), metaData.getColumnClassName(i), String.valueOf(metaData.getPrecision(i)),
                    String.valueOf(metaData.getScale(i)), String.valueOf(metaData.isNullable(i)),
                    String.valueOf(metaData.getColumnDisplaySize(i)), String.valueOf(metaData.isSigned(i)),
                    String.valueOf(metaData.isAutoIncrement(i)), String.valueOf(metaData.isCaseSensitive(i)),
                    String.valueOf(metaData.isReadOnly(i)), metaData.getSchemaName(i), metaData.getTableName(i),
                    metaData.getCatalogName(i)));
        }
        return columns;
    }

    @Test
    void metadataResultsNeverLeakTheInnerStatementOrConnection() throws SQLException {
        assertSame(dlt, ours.getConnection());
        List<ResultSet> results = List.of(ours.getTables(catalog, DATASET, "%", null), ours.getColumns(catalog, DATASET, "%", "%"),
                ours.getSchemas(), ours.getCatalogs(), ours.getTableTypes(), ours.getTypeInfo(),
                ours.getPrimaryKeys(catalog, DATASET, "keyed"), ours.getIndexInfo(catalog, DATASET, "keyed", false, true),
                ours.getImportedKeys(catalog, DATASET, "%"), ours.getUDTs(null, null, "%", null));
        for (ResultSet result : results) {
            try (result) {
                Statement statement = result.getStatement();
                assertTrue(statement == null || statement.getConnection() == dlt, "metadata result's statement: " + statement);
            }
        }
    }

    @Test
    void inMemoryMetadataResultsDescribeTheirColumns() throws SQLException {
        try (ResultSet tables = ours.getTables(catalog, DATASET, "keyed", null)) {
            ResultSetMetaData metaData = tables.getMetaData();
            assertEquals("TABLE_NAME", metaData.getColumnLabel(3).toUpperCase(java.util.Locale.ROOT));
            assertNotNull(metaData.getColumnClassName(3));
            assertEquals(3, tables.findColumn("TABLE_NAME"));
            assertEquals(3, tables.findColumn("table_name"));
            assertTrue(tables.next());
            assertEquals("keyed", tables.getString("TABLE_NAME"));
            assertNull(tables.getStatement());
            assertFalse(tables.next());
        }
        assertThrows(SQLException.class, () -> ours.getTables(catalog, DATASET, "%", null).getString(1));
    }
}
