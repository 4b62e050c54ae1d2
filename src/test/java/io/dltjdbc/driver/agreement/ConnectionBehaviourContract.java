package io.dltjdbc.driver.agreement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What JDBC tools rely on from a connection, on each destination (one subclass per destination). */
abstract class ConnectionBehaviourContract {
    static final String DATASET = "cb_ds";
    static final String OTHER = "cb_other";

    protected Connection connection;

    abstract Connection openDlt(String dataset) throws SQLException;

    /** A query that runs for many seconds unless cancelled. */
    abstract String longQuery();

    /** A query returning {@code n} rows of one integer column. */
    abstract String rowsQuery(long n);

    /** Prepares the connection to stream a large result with {@code fetchSize} (PostgreSQL: cursors need a transaction). */
    abstract void prepareStreaming(Connection connection) throws SQLException;

    /** A table {@code gk(id, v)} whose id the database generates where it can. */
    abstract String generatedKeyTable();

    abstract boolean returnsGeneratedKeys();

    /** The text that must never appear in URLs and toString (the password). */
    abstract String secret();

    abstract String expectedUserName();

    @BeforeEach
    void open() throws SQLException {
        connection = openDlt(DATASET);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void isValidUntilClosed() throws SQLException {
        assertTrue(connection.isValid(2));
        Connection other = openDlt(DATASET);
        other.close();
        assertFalse(other.isValid(2));
        assertTrue(other.isClosed());
    }

    @Test
    void setReadOnlyIsAHint() throws SQLException {
        assertDoesNotThrow(() -> connection.setReadOnly(true));
        assertTrue(connection.isReadOnly());
        assertDoesNotThrow(() -> connection.setReadOnly(false));
    }

    @Test
    void transactionsCommitAndRollBack() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS tx");
            s.execute("CREATE TABLE tx (x INTEGER)");
        }
        connection.setAutoCommit(false);
        assertFalse(connection.getAutoCommit());
        connection.createStatement().execute("INSERT INTO tx VALUES (1)");
        connection.rollback();
        assertEquals(0, count("SELECT count(*) FROM tx"));
        connection.createStatement().execute("INSERT INTO tx VALUES (2)");
        connection.commit();
        connection.setAutoCommit(true);
        assertTrue(connection.getAutoCommit());
        assertEquals(1, count("SELECT count(*) FROM tx"));
    }

    @Test
    void catalogCanBeSetToItself() throws SQLException {
        String catalog = connection.getCatalog();
        assertNotNull(catalog);
        connection.setCatalog(catalog);
        assertEquals(catalog, connection.getCatalog());
        assertTrue(Snapshot.of(connection.getMetaData().getCatalogs()).column("TABLE_CAT").contains(catalog));
    }

    @Test
    void setSchemaSwitchesTheDatasetForUnqualifiedNames() throws SQLException {
        assertEquals(DATASET, connection.getSchema());
        connection.setSchema(OTHER);
        assertEquals(OTHER, connection.getSchema());
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS switched");
            s.execute("CREATE TABLE switched (x INTEGER)");
            s.execute("INSERT INTO switched VALUES (7)");
        }
        assertEquals(7, count("SELECT x FROM " + OTHER + ".switched"));
        assertEquals(OTHER, Snapshot.of(connection.createStatement().executeQuery("SELECT current_schema()")).rows().get(0).get(0));
        connection.setSchema(DATASET);
        assertEquals(DATASET, connection.getSchema());
        assertThrows(SQLException.class, () -> count("SELECT x FROM switched"));
    }

    @Test
    void clientInfoNeverThrows() throws SQLException {
        assertDoesNotThrow(() -> connection.setClientInfo("ApplicationName", "dbeaver"));
        assertDoesNotThrow(() -> connection.setClientInfo("NoSuchProperty", "x"));
        Properties properties = new Properties();
        properties.setProperty("ClientUser", "me");
        assertDoesNotThrow(() -> connection.setClientInfo(properties));
        assertEquals("dbeaver", connection.getClientInfo("ApplicationName"));
        assertEquals("me", connection.getClientInfo("ClientUser"));
        assertNotNull(connection.getClientInfo());
        assertEquals("dbeaver", connection.getClientInfo().getProperty("ApplicationName"));
        assertNotNull(connection.getMetaData().getClientInfoProperties());
    }

    @Test
    void cancelFromAnotherThreadStopsALongQuery() throws Exception {
        Statement statement = connection.createStatement();
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try (ResultSet rs = statement.executeQuery(longQuery())) {
                return rs.next();
            } catch (SQLException e) {
                return e;
            }
        });
        long start = System.nanoTime();
        Object outcome = null;
        while (outcome == null && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(300);
            statement.cancel();
            try {
                outcome = running.get(2, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                // cancelled before the query started: cancel again
            }
        }
        assertTrue(outcome instanceof SQLException, "cancel ends the query with an SQLException, got " + outcome);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
        statement.close();
        assertTrue(connection.isValid(2), "the connection survives a cancelled query");
        assertEquals(1, count("SELECT 1"));
    }

    @Test
    void queryTimeoutEndsALongQuery() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertEquals(1, statement.getQueryTimeout());
            long start = System.nanoTime();
            assertThrows(SQLException.class, () -> statement.executeQuery(longQuery()).next());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15);
        }
        assertEquals(1, count("SELECT 1"));
    }

    @Test
    void aStatementStaysUsableAfterAFailedQueryWithItsSettings() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(2);
            statement.setQueryTimeout(30);
            assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM no_such_table_anywhere"));
            assertFalse(statement.isClosed(), "a failed query does not close the statement (pgjdbc's behaviour)");
            assertEquals(2, Snapshot.of(statement.executeQuery(rowsQuery(10))).rows().size(), "max rows still applies");
            assertEquals(30, statement.getQueryTimeout());
            assertThrows(SQLException.class, () -> statement.execute("SELEC 1"));
            assertTrue(statement.execute(rowsQuery(3)));
        }
        Statement closed = connection.createStatement();
        closed.close();
        assertTrue(closed.isClosed());
        assertThrows(SQLException.class, () -> closed.executeQuery(rowsQuery(1)), "closed by the caller stays closed");
    }

    @Test
    void maxRowsLimitsEveryResult() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(3);
            assertEquals(3, statement.getMaxRows());
            assertEquals(3, Snapshot.of(statement.executeQuery(rowsQuery(10))).rows().size());
            assertTrue(statement.execute(rowsQuery(10)));
            assertEquals(3, Snapshot.of(statement.getResultSet()).rows().size());
            statement.setLargeMaxRows(4);
            assertEquals(4, statement.getLargeMaxRows());
            assertEquals(4, Snapshot.of(statement.executeQuery(rowsQuery(10))).rows().size());
            statement.setMaxRows(0);
            assertEquals(10, Snapshot.of(statement.executeQuery(rowsQuery(10))).rows().size());
        }
        try (PreparedStatement prepared = connection.prepareStatement(rowsQuery(10))) {
            prepared.setMaxRows(2);
            assertEquals(2, Snapshot.of(prepared.executeQuery()).rows().size());
        }
    }

    @Test
    void largeResultsStreamWithAFetchSize() throws SQLException {
        assertStreams(false);
    }

    /** pgjdbc streams only in a transaction; the dlt connection streams in auto-commit mode too. */
    @Test
    void largeResultsStreamInAutoCommitModeToo() throws SQLException {
        assertStreams(true);
        assertTrue(connection.getAutoCommit());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS after_stream (x INTEGER)");
        }
        try (Connection other = openDlt(DATASET)) {
            assertEquals(0, Snapshot.of(other.createStatement().executeQuery("SELECT count(*) FROM after_stream")).rows().size() - 1,
                    "what runs after a streamed result is committed (auto-commit is back on)");
        }
    }

    @Test
    void aStreamedResultLeftOpenEndsWithTheNextQuery() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10);
            ResultSet first = statement.executeQuery(rowsQuery(1000));
            assertTrue(first.next());
            assertTrue(connection.getAutoCommit());
            if (!connection.getMetaData().getDatabaseProductName().equals("DuckDB")) {
                assertThrows(SQLException.class, connection::commit, "auto-commit mode, as pgjdbc: no commit");
                assertTrue(first.next(), "the stream goes on");
            }
            assertEquals(3, Snapshot.of(statement.executeQuery(rowsQuery(3))).rows().size());
            statement.execute("CREATE TABLE IF NOT EXISTS open_stream (x INTEGER)");
        }
        try (Connection other = openDlt(DATASET)) {
            assertEquals(1, Snapshot.of(other.createStatement().executeQuery("SELECT count(*) FROM open_stream")).rows().size());
        }
        try (PreparedStatement prepared = connection.prepareStatement(rowsQuery(1000))) {
            prepared.setFetchSize(10);
            try (ResultSet rs = prepared.executeQuery()) {
                assertTrue(rs.next());
            }
            assertTrue(connection.getAutoCommit());
        }
        assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10);
                statement.executeQuery("SELECT * FROM no_such_table");
            }
        });
        assertEquals(1, count("SELECT 1"), "a failed streamed query leaves the connection usable");
    }

    private void assertStreams(boolean autoCommit) throws SQLException {
        long rows = 5_000_000;
        if (!autoCommit) {
            prepareStreaming(connection);
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long peak = 0;
        long read = 0;
        long sum = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery(rowsQuery(rows))) {
                while (rs.next()) {
                    sum += rs.getLong(1);
                    if (++read % 1_000_000 == 0) {
                        System.gc();
                        peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory() - before);
                    }
                }
            }
        }
        connection.setAutoCommit(true);
        assertEquals(rows, read);
        assertTrue(sum > 0);
        assertTrue(peak < 100L * 1024 * 1024, "heap grew by " + peak / (1024 * 1024) + " MB while reading " + rows + " rows");
    }

    @Test
    void aSelectHasNoMoreResults() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertTrue(statement.execute("SELECT 1"));
            Snapshot.of(statement.getResultSet());
            assertFalse(statement.getMoreResults());
            assertEquals(-1, statement.getUpdateCount());
            assertFalse(statement.execute("CREATE TABLE IF NOT EXISTS more (x INTEGER)"));
            assertFalse(statement.getMoreResults());
            assertEquals(-1, statement.getUpdateCount());
        }
    }

    @Test
    void loadPipelineSummaryIsTheOnlyResult() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertTrue(statement.execute("LOAD PIPELINE cb_summary FROM JSON '[{\"id\": 1}]' INTO cb_ds.summary"));
            assertSame(statement, statement.getResultSet().getStatement());
            assertEquals(-1, statement.getUpdateCount());
            assertFalse(statement.getMoreResults());
            assertNull(statement.getResultSet());
            assertEquals(-1, statement.getUpdateCount());
        }
    }

    @Test
    void generatedKeysWhereTheDestinationHasThem() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS gk");
            statement.execute(generatedKeyTable());
            assertEquals(1, statement.executeUpdate("INSERT INTO gk (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = statement.getGeneratedKeys()) {
                assertSame(statement, keys.getStatement());
                assertEquals(returnsGeneratedKeys(), keys.next());
            }
            assertFalse(statement.execute("INSERT INTO gk (v) VALUES ('b')", Statement.NO_GENERATED_KEYS));
            assertEquals(1, statement.getUpdateCount());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gk (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "c");
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertSame(insert, keys.getStatement());
                assertEquals(returnsGeneratedKeys(), keys.next());
            }
        }
        assertEquals(3, count("SELECT count(*) FROM gk"));
    }

    @Test
    void urlAndNamesNeverShowThePassword() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertTrue(metaData.getURL().startsWith("jdbc:dlt:"), metaData.getURL());
        assertFalse(metaData.getURL().contains(secret()), metaData.getURL());
        assertFalse(connection.toString().contains(secret()), connection.toString());
        assertEquals(expectedUserName(), metaData.getUserName());
        assertEquals("dlt-jdbc", metaData.getDriverName());
        assertTrue(metaData.getDriverMajorVersion() >= 1);
        assertNotNull(metaData.getDriverVersion());
        Driver driver = DriverManager.getDriver("jdbc:dlt:duckdb:");
        assertTrue(driver.getMajorVersion() >= 1);
        assertEquals(metaData.getDriverMajorVersion(), driver.getMajorVersion());
        assertEquals(metaData.getDriverMinorVersion(), driver.getMinorVersion());
    }

    @Test
    void aColumnNameCollisionIsAWarningNamingBothKeys() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOAD PIPELINE cb_collide FROM JSON '[{\"a__b\": 1, \"a\": {\"b\": 2}}]' INTO cb_ds.collide");
            List<String> messages = new ArrayList<>();
            for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                messages.add(w.getMessage());
            }
            assertTrue(messages.stream().anyMatch(m -> m.contains("a__b") && m.contains("'a") && m.contains("b'")), messages.toString());
            assertEquals("01000", statement.getWarnings().getSQLState());
            // DBeaver reads results with getMoreResults/getUpdateCount before it shows warnings
            assertFalse(statement.getMoreResults());
            assertEquals(-1, statement.getUpdateCount());
            assertEquals(statement.getWarnings().getMessage(), messages.get(0), "warnings last until the next execution");
            int chain = 0;
            for (SQLWarning w = statement.getWarnings(); w != null && chain < 100; w = w.getNextWarning()) {
                chain++;
            }
            assertEquals(messages.size(), chain, "reading the warnings twice does not change (or loop) the chain");
            statement.clearWarnings();
            assertNull(statement.getWarnings());
        }
    }

    @Test
    void backReferencesAreTheFacades() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertSame(connection, metaData.getConnection());
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertSame(connection, statement.getConnection());
            assertSame(statement, rs.getStatement());
        }
        try (PreparedStatement prepared = connection.prepareStatement("SELECT 1"); ResultSet rs = prepared.executeQuery()) {
            assertSame(connection, prepared.getConnection());
            assertSame(prepared, rs.getStatement());
        }
        try (ResultSet tables = metaData.getTables(null, DATASET, "%", null); ResultSet schemas = metaData.getSchemas();
             ResultSet columns = metaData.getColumns(null, DATASET, "%", "%"); ResultSet types = metaData.getTypeInfo()) {
            for (ResultSet rs : List.of(tables, schemas, columns, types)) {
                assertTrue(rs.getStatement() == null || rs.getStatement().getConnection() == connection);
            }
        }
    }

    @Test
    void statementsAnswerTheJdbc43Defaults() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertEquals("'it''s'", statement.enquoteLiteral("it's"));
            assertEquals("\"Mixed Case\"", statement.enquoteIdentifier("Mixed Case", false));
            assertDoesNotThrow(() -> statement.setLargeMaxRows(0));
            statement.execute("CREATE TABLE IF NOT EXISTS batch (x INTEGER)");
            statement.addBatch("INSERT INTO batch VALUES (1)");
            statement.addBatch("INSERT INTO batch VALUES (2)");
            long[] counts = statement.executeLargeBatch();
            assertEquals(2, counts.length);
            assertEquals(1, statement.executeLargeUpdate("INSERT INTO batch VALUES (3)", Statement.NO_GENERATED_KEYS));
        }
    }
}
