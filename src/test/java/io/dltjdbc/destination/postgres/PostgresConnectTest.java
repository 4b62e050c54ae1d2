package io.dltjdbc.destination.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import io.dltjdbc.testkit.TempProject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresConnectTest {

    @Test
    void urlWithUserInfoConnectsAndPassesSqlThroughWithDatasetAsSearchPath(EmbeddedPostgresServer pg) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:postgres:" + pg.location() + "?dataset=plain_sql");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id bigint, name varchar)");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            try (ResultSet rs = s.executeQuery("SELECT count(*), current_schema() FROM t")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
                assertEquals("plain_sql", rs.getString(2));
            }
            assertEquals("plain_sql", c.getSchema());
            try (ResultSet tables = c.getMetaData().getTables(null, "plain_sql", "t", null)) {
                assertTrue(tables.next());
            }
        }
    }

    @Test
    void secretsTomlCredentialsTableConnects(EmbeddedPostgresServer pg, @TempDir Path dir) throws Exception {
        TempProject project = new TempProject(dir).secrets(String.join("\n",
                "[destination.postgres.credentials]",
                "database = \"" + EmbeddedPostgresServer.DATABASE + "\"",
                "username = \"" + EmbeddedPostgresServer.USER + "\"",
                "password = \"" + EmbeddedPostgresServer.PASSWORD + "\"",
                "host = \"127.0.0.1\"",
                "port = " + pg.port(),
                "connect_timeout = 5", ""));
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:postgres:?dataset=from_toml"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user, current_schema()")) {
            assertTrue(rs.next());
            assertEquals("loader", rs.getString(1));
            assertEquals("from_toml", rs.getString(2));
        }
    }

    @Test
    void dltConnectionStringFormConnects(EmbeddedPostgresServer pg, @TempDir Path dir) throws Exception {
        String dsn = "postgresql://loader:" + EmbeddedPostgresServer.PASSWORD + "@127.0.0.1:" + pg.port() + "/dlt_data";
        try (Connection c = DriverManager.getConnection("jdbc:dlt:postgres:" + dsn + "?dataset=dsn_form");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals("dlt_data", rs.getString(1));
        }
        TempProject project = new TempProject(dir).secrets("destination.postgres.credentials = \"" + dsn + "\"\n");
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:postgres:"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
            assertTrue(rs.next());
            assertEquals("loader", rs.getString(1));
        }
    }

    @Test
    void wrongPasswordNamesHostDatabaseAndUserButNeverThePassword(EmbeddedPostgresServer pg) {
        String wrong = "Wr0ng-Secret-xyz";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:dlt:postgres://loader:" + wrong + "@127.0.0.1:" + pg.port() + "/dlt_data"));
        assertNamesTarget(e, "127.0.0.1", "dlt_data", "loader");
        assertEquals("28P01", e.getSQLState());
        assertSecretAbsent(e, wrong);
    }

    @Test
    void missingDatabaseIsNamed(EmbeddedPostgresServer pg) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:dlt:postgres://loader:" + EmbeddedPostgresServer.PASSWORD + "@127.0.0.1:" + pg.port() + "/no_such_db"));
        assertNamesTarget(e, "127.0.0.1", "no_such_db", "loader");
        assertEquals("3D000", e.getSQLState());
        assertSecretAbsent(e, EmbeddedPostgresServer.PASSWORD);
    }

    @Test
    void unresponsiveServerFailsWithinConnectTimeout() throws Exception {
        // a socket that accepts TCP connections but never answers: only the login timeout can end the wait
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:dlt:postgres://loader:Pw-silent-123@127.0.0.1:" + silent.getLocalPort() + "/dlt_data?connect_timeout=2"));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 10, "took " + seconds + " s");
            assertNamesTarget(e, "127.0.0.1", "dlt_data", "loader");
            assertSecretAbsent(e, "Pw-silent-123");
        }
    }

    @Test
    void unreachablePortIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:dlt:postgres://loader:Pw-closed-123@127.0.0.1:" + port + "/dlt_data?connect_timeout=2"));
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
        assertNamesTarget(e, "127.0.0.1:" + port, "dlt_data", "loader");
        assertSecretAbsent(e, "Pw-closed-123");
    }

    @Test
    void userWithoutCreateOnDatabaseGetsPermissionErrorNamingTarget(EmbeddedPostgresServer pg) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:dlt:postgres://"
                + EmbeddedPostgresServer.READER + ":" + EmbeddedPostgresServer.READER_PASSWORD + "@127.0.0.1:" + pg.port()
                + "/dlt_data?dataset=not_allowed"));
        assertEquals("42501", e.getSQLState());
        assertNamesTarget(e, "127.0.0.1", "dlt_data", EmbeddedPostgresServer.READER);
        assertSecretAbsent(e, EmbeddedPostgresServer.READER_PASSWORD);
    }

    @Test
    void readerCanUseAnExistingDatasetWithoutCreatePrivilege(EmbeddedPostgresServer pg) throws Exception {
        try (Connection admin = pg.loader(); Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS shared_ds");
            s.execute("GRANT USAGE ON SCHEMA shared_ds TO reader");
        }
        try (Connection c = DriverManager.getConnection("jdbc:dlt:postgres://" + EmbeddedPostgresServer.READER + ":"
                + EmbeddedPostgresServer.READER_PASSWORD + "@127.0.0.1:" + pg.port() + "/dlt_data?dataset=shared_ds");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            assertTrue(rs.next());
            assertEquals("shared_ds", rs.getString(1));
        }
    }

    static void assertNamesTarget(SQLException e, String host, String database, String user) {
        String message = e.getMessage();
        assertTrue(message.contains(host), message);
        assertTrue(message.contains("'" + database + "'"), message);
        assertTrue(message.contains("'" + user + "'"), message);
    }

    static void assertSecretAbsent(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), "message leaks the secret: " + t);
            assertFalse(t.toString().contains(secret), "toString leaks the secret: " + t);
            for (Throwable suppressed : t.getSuppressed()) {
                assertSecretAbsent(suppressed, secret);
            }
        }
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        e.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        assertFalse(trace.toString(StandardCharsets.UTF_8).contains(secret), "stack trace leaks the secret");
    }
}
