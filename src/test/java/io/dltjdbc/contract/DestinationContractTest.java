package io.dltjdbc.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One behaviour suite, run unchanged on every destination (STYLE.md: one contract suite per destination,
 * not copies): what a LOAD PIPELINE promises, checked only through the dlt connection's own SQL.
 */
class DestinationContractTest {
    private static final AtomicInteger DATASETS = new AtomicInteger();

    private static String dataset() {
        return "contract_" + DATASETS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static List<String> column(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static final String ORDERS = "[{\"id\": 1, \"who\": \"ann\", \"lines\": [{\"sku\": \"a\"}, {\"sku\": \"b\"}]},"
            + " {\"id\": 2, \"who\": \"bob\", \"lines\": [{\"sku\": \"c\"}]}]";

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void appendTwiceDoublesRootAndChildRows(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            assertEquals(5, s.executeUpdate("LOAD PIPELINE orders FROM JSON '" + ORDERS + "' INTO orders"));
            s.executeUpdate("LOAD PIPELINE orders FROM JSON '" + ORDERS + "' INTO orders");
            assertEquals(4, count(s, "orders"));
            assertEquals(6, count(s, "orders__lines"));
            assertEquals(List.of("2"), column(s, "SELECT count(*) FROM _dlt_loads WHERE status = 0"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void replaceKeepsOnlyTheLastLoadIncludingChildTables(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE orders FROM JSON '" + ORDERS + "' INTO orders WITH (write_disposition = 'replace')");
            s.execute("LOAD PIPELINE orders FROM JSON '[{\"id\": 3, \"lines\": [{\"sku\": \"z\"}]}]' INTO orders "
                    + "WITH (write_disposition = 'replace')");
            assertEquals(List.of("3"), column(s, "SELECT id FROM orders"));
            assertEquals(List.of("z"), column(s, "SELECT sku FROM orders__lines"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void insertOnlyKeepsExistingKeysWithTheirChildrenAndAddsNewOnes(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            String insertOnly = " INTO orders WITH (write_disposition = 'merge', merge_strategy = 'insert-only', primary_key = 'id')";
            s.execute("LOAD PIPELINE orders FROM JSON '" + ORDERS + "'" + insertOnly);
            s.execute("LOAD PIPELINE orders FROM JSON '[{\"id\": 2, \"who\": \"changed\", \"lines\": [{\"sku\": \"x\"}]}, "
                    + "{\"id\": 3, \"who\": \"cy\", \"lines\": [{\"sku\": \"y\"}]}]'" + insertOnly);
            assertEquals(List.of("ann", "bob", "cy"), column(s, "SELECT who FROM orders ORDER BY id"));
            assertEquals(List.of("a", "b", "c", "y"), column(s, "SELECT sku FROM orders__lines ORDER BY sku"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void mergeReplacesRowsByPrimaryKeyAndTheirChildren(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            String merge = " INTO orders WITH (write_disposition = 'merge', primary_key = 'id')";
            s.execute("LOAD PIPELINE orders FROM JSON '" + ORDERS + "'" + merge);
            s.execute("LOAD PIPELINE orders FROM JSON '[{\"id\": 2, \"who\": \"old\", \"lines\": []}, "
                    + "{\"id\": 2, \"who\": \"bobby\", \"lines\": [{\"sku\": \"d\"}]}, {\"id\": 4, \"who\": \"dee\"}]'" + merge);
            assertEquals(List.of("1:ann", "2:bobby", "4:dee"), column(s, "SELECT CAST(id AS VARCHAR(20)) || ':' || who FROM orders ORDER BY id"));
            assertEquals(List.of("a", "b", "d"), column(s, "SELECT sku FROM orders__lines ORDER BY sku"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void newFieldsAddColumnsAndTypeChangesMakeVariantColumns(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE ev FROM JSON '[{\"id\": 1, \"n\": 5}]' INTO events");
            s.execute("LOAD PIPELINE ev FROM JSON '[{\"id\": 2, \"n\": \"five\", \"extra\": \"x\"}]' INTO events");
            assertEquals(List.of("1:5:null:null", "2:null:five:x"), column(s, "SELECT CAST(id AS VARCHAR(20)) || ':' || "
                    + "COALESCE(CAST(n AS VARCHAR(20)), 'null') || ':' || COALESCE(n__v_text, 'null') || ':' || COALESCE(extra, 'null') "
                    + "FROM events ORDER BY id"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void incrementalLoadsOnlyRowsBeyondTheStoredCursor(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            String options = " INTO ticks WITH (incremental = 'seq')";
            s.execute("LOAD PIPELINE ticks FROM JSON '[{\"seq\": 1}, {\"seq\": 2}]'" + options);
            s.execute("LOAD PIPELINE ticks FROM JSON '[{\"seq\": 1}, {\"seq\": 2}, {\"seq\": 3}]'" + options);
            assertEquals(List.of("1", "2", "3"), column(s, "SELECT seq FROM ticks ORDER BY seq"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void aRejectedLoadLeavesTheDatasetAsItWas(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE fr FROM JSON '[{\"id\": 1}]' INTO frozen");
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "LOAD PIPELINE fr FROM JSON '[{\"id\": 2, \"surprise\": true}]' INTO frozen WITH (schema_contract = 'freeze')"));
            assertEquals("23514", e.getSQLState(), e.getMessage());
            assertEquals(List.of("1"), column(s, "SELECT id FROM frozen"));
            assertEquals(List.of("1"), column(s, "SELECT count(*) FROM _dlt_loads"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void systemTablesRecordSchemaStateAndLoads(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE sys FROM JSON '[{\"id\": 1}]' INTO things");
            s.execute("LOAD PIPELINE sys FROM JSON '[{\"id\": 2}]' INTO things");
            assertEquals(List.of("1"), column(s, "SELECT count(*) FROM _dlt_version"), "the schema did not change");
            assertEquals(List.of("sys"), column(s, "SELECT DISTINCT pipeline_name FROM _dlt_pipeline_state"));
            assertEquals(List.of("2"), column(s, "SELECT count(DISTINCT load_id) FROM _dlt_loads WHERE status = 0"));
            assertEquals(List.of("2"), column(s, "SELECT count(DISTINCT _dlt_load_id) FROM things"));
        }
    }
}
