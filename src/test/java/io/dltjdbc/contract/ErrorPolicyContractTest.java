package io.dltjdbc.contract;

import static io.dltjdbc.testkit.Queries.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code on_error = 'skip_row'}, {@code max_errors} and {@code SHOW REJECTED} on every destination, through
 * {@code java.sql} only: bad rows are set aside in {@code _dlt_rejected_rows} with their source and line, the
 * good ones load, and one error too many writes nothing at all.
 */
class ErrorPolicyContractTest {
    private static final AtomicInteger DATASETS = new AtomicInteger();
    /** The malformed lines of {@link #orders}, by line number, as they are in the file. */
    private static final Map<Long, String> BAD_LINES = Map.of(
            17L, "{\"id\": 17, \"customer\": ",
            5001L, "this is not json",
            9999L, "{\"id\": 9999} {\"id\": 10000}");
    private static final int LINES = 10_000;

    @TempDir
    static Path dir;
    static Path orders;

    /** 10,000 lines of orders with a nested list, three of them malformed. */
    @BeforeAll
    static void writeOrders() throws IOException {
        orders = dir.resolve("orders.jsonl");
        try (Writer out = Files.newBufferedWriter(orders, StandardCharsets.UTF_8)) {
            for (long line = 1; line <= LINES; line++) {
                String bad = BAD_LINES.get(line);
                out.write(bad != null ? bad
                        : "{\"id\": " + line + ", \"customer\": \"c" + (line % 97) + "\", \"items\": [{\"sku\": \"s" + line + "\"}]}");
                out.write('\n');
            }
        }
    }

    private static String dataset() {
        return "rejects_" + DATASETS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private static String lit(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** SHOW REJECTED lists every dataset of the destination; the tests share servers, so keep one dataset's. */
    private static List<List<String>> rejectedIn(Statement statement, String dataset) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : texts(statement, "SHOW REJECTED")) {
            if (row.get(1).equals(dataset)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Through plain SQL, which every destination answers the same way (own statement: DuckDB closes a failed one). */
    private static boolean exists(Statement statement, String table) throws SQLException {
        try (Statement probe = statement.getConnection().createStatement()) {
            texts(probe, "SELECT count(*) FROM " + table);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        return Long.parseLong(texts(statement, "SELECT count(*) FROM " + table).get(0).get(0));
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void skipRowLoadsTheGoodRowsAndListsTheMalformedLinesWithTheirNumbers(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            String loadId;
            try (ResultSet summary = s.executeQuery("LOAD PIPELINE shop FROM " + lit(orders) + " INTO orders WITH (on_error = 'skip_row')")) {
                assertTrue(summary.next());
                assertEquals("orders", summary.getString("table_name"));
                assertEquals(9_997, summary.getLong("rows"));
                assertEquals(3, summary.getLong("rejected"));
                loadId = summary.getString("load_id");
                assertTrue(summary.next());
                assertEquals("orders__items", summary.getString("table_name"));
                assertEquals(9_997, summary.getLong("rows"));
                assertEquals(0, summary.getLong("rejected"));
            }
            assertEquals(9_997, count(s, "orders"));
            assertEquals(9_997, count(s, "orders__items"));

            List<List<String>> rejected = texts(s, "SHOW REJECTED FOR '" + loadId + "'");
            assertEquals(3, rejected.size(), rejected.toString());
            long[] lines = {17, 5001, 9999};
            for (int i = 0; i < 3; i++) {
                List<String> row = rejected.get(i);
                assertEquals(loadId, row.get(0));
                assertEquals("orders", row.get(2));
                assertEquals(orders.toString(), row.get(3));
                assertEquals(String.valueOf(lines[i]), row.get(4));
                assertTrue(row.get(5).startsWith("malformed JSON in " + orders + " line " + lines[i]), row.get(5));
                assertEquals(BAD_LINES.get(lines[i]), row.get(6), "raw_row is the line as it was");
            }
            assertEquals(List.of(List.of("3")), texts(s, "SELECT count(*) FROM _dlt_rejected_rows"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void moreRejectsThanMaxErrorsAbortsTheLoadWithNothingWritten(TestDestination destination) throws SQLException {
        String ds = dataset();
        try (Connection c = DriverManager.getConnection(destination.url(ds)); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE shop FROM JSON '[{\"id\": 0, \"customer\": \"first\"}]' INTO orders");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("LOAD PIPELINE shop FROM " + lit(orders)
                    + " INTO orders WITH (on_error = 'skip_row', max_errors = 2)"));
            assertEquals("22000", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("more than max_errors = 2"), e.getMessage());
            assertTrue(e.getMessage().contains("line 17") && e.getMessage().contains("line 5001"), e.getMessage());
            assertEquals(List.of(List.of("0", "first")), texts(s, "SELECT id, customer FROM orders"));
            assertEquals(1, count(s, "_dlt_loads"));
            assertFalse(exists(s, "_dlt_rejected_rows"), "no rejected rows table");
            assertFalse(exists(s, "orders__items"), "no child table");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void maxErrorsAtTheRejectCountStillLoads(TestDestination destination) throws SQLException {
        String ds = dataset();
        try (Connection c = DriverManager.getConnection(destination.url(ds)); Statement s = c.createStatement()) {
            assertEquals(2 * 9_997, s.executeUpdate("LOAD PIPELINE shop FROM " + lit(orders)
                    + " INTO orders WITH (on_error = 'skip_row', max_errors = 3)"));
            assertEquals(3, rejectedIn(s, ds).size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void rowsAFrozenSchemaRefusesAreRejectedWithoutChangingTheSchema(TestDestination destination) throws SQLException {
        String ds = dataset();
        try (Connection c = DriverManager.getConnection(destination.url(ds)); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE shop FROM JSON '[{\"id\": 1, \"customer\": \"ann\"}]' INTO orders");
            try (ResultSet summary = s.executeQuery("LOAD PIPELINE shop FROM JSON '[{\"id\": 2, \"customer\": \"bob\"},"
                    + " {\"id\": 3, \"customer\": \"cy\", \"coupon\": \"X\"}, {\"id\": \"four\", \"customer\": \"dee\"},"
                    + " {\"id\": 5, \"customer\": \"eve\", \"notes\": [\"n\"]}, {\"id\": 6}]'"
                    + " INTO orders WITH (schema_contract = 'freeze', on_error = 'skip_row')")) {
                assertTrue(summary.next());
                assertEquals(2, summary.getLong("rows"));
                assertEquals(2, summary.getLong("rejected"));
                assertTrue(summary.next(), "the refused child table has its own summary row");
                assertEquals("orders__notes", summary.getString("table_name"));
                assertEquals(0, summary.getLong("rows"));
                assertEquals(1, summary.getLong("rejected"));
                assertFalse(summary.next());
            }
            assertEquals(List.of(List.of("1", "ann"), List.of("2", "bob"), Arrays.asList("6", null)),
                    texts(s, "SELECT id, customer FROM orders ORDER BY id"));
            List<List<String>> rejected = rejectedIn(s, ds);
            assertEquals(3, rejected.size(), rejected.toString());
            List<String> errors = new ArrayList<>();
            for (List<String> row : rejected) {
                errors.add(row.get(2) + " " + row.get(4) + " " + row.get(6));
                assertTrue(row.get(5).contains("schema_contract is freeze"), row.get(5));
            }
            assertEquals(List.of("orders 2 {\"id\":3,\"customer\":\"cy\",\"coupon\":\"X\"}",
                    "orders 3 {\"id\":\"four\",\"customer\":\"dee\"}",
                    "orders__notes 4 {\"id\":5,\"customer\":\"eve\",\"notes\":[\"n\"]}"), errors);
            assertFalse(exists(s, "orders__notes"), "no table for a rejected row");
            try (ResultSet all = s.executeQuery("SELECT * FROM orders")) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= all.getMetaData().getColumnCount(); i++) {
                    columns.add(all.getMetaData().getColumnName(i));
                }
                assertEquals(List.of("id", "customer", "_dlt_load_id", "_dlt_id"), columns, "no column or variant for a rejected row");
            }
        }
    }
}
