package io.dltjdbc.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statement.cancel() from another thread (DBeaver's stop button) and setQueryTimeout stop a running
 * LOAD PIPELINE within about a second, in extract/normalize and in the destination load: 57014, nothing
 * of the load visible, no _dlt_loads row, and the next load works.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class CancelLoadTest {
    /** A source that takes far longer to load than any test waits: 5 million rows from an in-memory DuckDB. */
    static final String ENDLESS = "QUERY 'SELECT i AS id, ''row '' || i AS name FROM range(5000000) t(i)' ON 'jdbc:duckdb:'";
    static final long LIMIT_MILLIS = 1_500; // a second, plus slack for a shared 2-core test machine

    @TempDir
    Path dir;

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code sql} on {@code s} in another thread. */
    static CompletableFuture<Void> start(Statement s, String sql) {
        return CompletableFuture.runAsync(() -> {
            try {
                s.execute(sql);
            } catch (SQLException e) {
                throw new RuntimeException(e);
            }
        });
    }

    /** Waits for the load to fail and returns its SQLException. */
    static SQLException failure(CompletableFuture<Void> load) throws Exception {
        try {
            load.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (SQLException) e.getCause().getCause();
        }
        throw new AssertionError("the load was expected to stop");
    }

    private String duckUrl() {
        return "jdbc:dlt:duckdb:" + dir.resolve("cancel.duckdb") + "?project_dir=" + dir;
    }

    @Test
    void cancelFromAnotherThreadStopsExtractWithinASecondAndWritesNothing() throws Exception {
        try (Connection c = DriverManager.getConnection(duckUrl()); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"name\": \"one\"}]' INTO ds.items");
            CompletableFuture<Void> load = start(s, "LOAD PIPELINE p FROM " + ENDLESS + " INTO ds.items");
            Thread.sleep(1_500);
            assertFalse(load.isDone(), "still extracting");
            long cancelAt = System.nanoTime();
            s.cancel();
            SQLException e = failure(load);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt);
            assertEquals("57014", e.getSQLState(), e.toString());
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            assertTrue(millis < LIMIT_MILLIS, "stopped after " + millis + " ms");
            assertEquals(1, count(c, "SELECT count(*) FROM ds.items"));
            assertEquals(1, count(c, "SELECT count(*) FROM ds._dlt_loads"));
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 2, \"name\": \"two\"}]' INTO ds.items");
            assertEquals(2, count(c, "SELECT count(*) FROM ds.items"));
            assertEquals(2, count(c, "SELECT count(*) FROM ds._dlt_loads"));
        }
    }

    @Test
    void queryTimeoutStopsALoadAndTheStatementStaysUsable() throws Exception {
        try (Connection c = DriverManager.getConnection(duckUrl()); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long startedAt = System.nanoTime();
            SQLException e = failure(start(s, "LOAD PIPELINE p FROM " + ENDLESS + " INTO ds.items"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("query timeout of 1 s"), e.getMessage());
            assertTrue(millis < 1_000 + LIMIT_MILLIS, "stopped after " + millis + " ms");
            assertEquals(0, count(c, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'items'"));
            s.setQueryTimeout(0);
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO ds.items");
            assertEquals(1, count(c, "SELECT count(*) FROM ds._dlt_loads"));
        }
    }

    @Test
    void cancelDuringThePostgresLoadRollsItBack(EmbeddedPostgresServer pg) throws Exception {
        String ds = "cancel_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String url = "jdbc:dlt:postgres:" + pg.location() + "?dataset=" + ds;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                Connection blocker = pg.superuser(EmbeddedPostgresServer.DATABASE); Statement b = blocker.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO items");
            // another session holds the dataset's load lock: the next load waits inside the destination load
            blocker.setAutoCommit(false);
            b.execute("SELECT pg_advisory_xact_lock(hashtext('dlt-jdbc dataset " + ds + "'))");
            CompletableFuture<Void> load = start(s, "LOAD PIPELINE p FROM JSON '[{\"id\": 2}, {\"id\": 3}]' INTO items");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(blocker, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND pid <> pg_backend_pid()") == 0) {
                assertFalse(load.isDone(), () -> "the load did not wait: " + load);
                assertTrue(System.nanoTime() < deadline, "the load never reached the destination");
                Thread.sleep(20);
            }
            long cancelAt = System.nanoTime();
            s.cancel();
            SQLException e = failure(load);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt);
            blocker.rollback();
            assertEquals("57014", e.getSQLState(), e.toString());
            assertTrue(millis < LIMIT_MILLIS, "stopped after " + millis + " ms");
            assertEquals(1, count(c, "SELECT count(*) FROM " + ds + ".items"));
            assertEquals(1, count(c, "SELECT count(*) FROM " + ds + "._dlt_loads"));
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 2}, {\"id\": 3}]' INTO items");
            assertEquals(3, count(c, "SELECT count(*) FROM " + ds + ".items"));
            assertEquals(2, count(c, "SELECT count(*) FROM " + ds + "._dlt_loads"));
        }
    }

    @Test
    void cancelWithNothingRunningIsHarmless() throws Exception {
        try (Connection c = DriverManager.getConnection(duckUrl()); Statement s = c.createStatement()) {
            s.cancel();
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO ds.items");
            s.cancel();
            assertEquals(1, count(c, "SELECT count(*) FROM ds.items"));
        }
    }
}
