package io.dltjdbc.destination.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.bigquery.FakeBigQueryServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replace on BigQuery swaps the root table and its child tables together (staging, then one transaction), so a
 * failed or cancelled load job leaves every table as it was; Statement.cancel() stops a BigQuery load at its
 * next job. Each test has a fake server of its own, because it makes that server's load jobs fail or wait.
 */
class BigQueryReplaceAndCancelTest {
    private static final String REPLACE = " INTO orders WITH (write_disposition = 'replace')";
    private static final String FIRST = "[{\"id\": 1, \"lines\": [{\"sku\": \"a\"}, {\"sku\": \"b\"}]}]";
    private static final String SECOND = "[{\"id\": 2, \"lines\": [{\"sku\": \"c\"}]}, {\"id\": 3, \"lines\": [{\"sku\": \"d\"}]}]";

    private FakeBigQueryServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeBigQueryServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:dlt:bigquery:test-project?endpoint=" + server.endpoint() + "&dataset=shop");
    }

    private List<List<String>> rows(String sql) throws SQLException {
        return server.sql(sql);
    }

    private long uploads() {
        return server.requests().stream().filter(r -> r.contains("/upload/")).count();
    }

    private void assertFirstLoadIntact() throws SQLException {
        assertEquals(List.of(List.of("1")), rows("SELECT id FROM shop.orders"));
        assertEquals(List.of(List.of("a"), List.of("b")), rows("SELECT sku FROM shop.orders__lines ORDER BY sku"));
        assertEquals(List.of(List.of("1")), rows("SELECT count(*) FROM shop._dlt_loads"));
    }

    @Test
    void aReplaceWhoseChildTableJobFailsLeavesRootAndChildrenAsTheyWere() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '" + FIRST + "'" + REPLACE);
            server.failLoadJobsInto("orders__lines");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("LOAD PIPELINE p FROM JSON '" + SECOND + "'" + REPLACE));
            assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
            assertFirstLoadIntact();
        }
    }

    @Test
    void aReplaceSwapsRootAndChildrenTogether() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '" + FIRST + "'" + REPLACE);
            s.execute("LOAD PIPELINE p FROM JSON '" + SECOND + "'" + REPLACE);
            assertEquals(List.of(List.of("2"), List.of("3")), rows("SELECT id FROM shop.orders ORDER BY id"));
            assertEquals(List.of(List.of("c"), List.of("d")), rows("SELECT sku FROM shop.orders__lines ORDER BY sku"));
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 4}]'" + REPLACE);
            assertEquals(List.of(List.of("4")), rows("SELECT id FROM shop.orders"));
            assertEquals(List.of(List.of("0")), rows("SELECT count(*) FROM shop.orders__lines"), "no new child rows: emptied");
        }
    }

    @Test
    void cancelDuringABigQueryLoadStopsAtTheNextJobAndLeavesTheDatasetAsItWas() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '" + FIRST + "'" + REPLACE);
            server.delayLoadJobs(1_500);
            long uploadsBefore = uploads();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                try {
                    s.execute("LOAD PIPELINE p FROM JSON '" + SECOND + "'" + REPLACE);
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (uploads() == uploadsBefore) {
                assertTrue(System.nanoTime() < deadline, "the load never reached its load jobs");
                Thread.sleep(10);
            }
            s.cancel();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> load.get(20, TimeUnit.SECONDS));
            SQLException e = (SQLException) failed.getCause().getCause();
            assertEquals("57014", e.getSQLState(), e.getMessage());
            server.delayLoadJobs(0);
            assertFirstLoadIntact();
            s.execute("LOAD PIPELINE p FROM JSON '" + SECOND + "'" + REPLACE);
            assertEquals(List.of(List.of("2"), List.of("3")), rows("SELECT id FROM shop.orders ORDER BY id"));
        }
    }
}
