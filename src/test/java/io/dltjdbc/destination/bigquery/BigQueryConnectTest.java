package io.dltjdbc.destination.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.TempProject;
import io.dltjdbc.testkit.bigquery.FakeBigQueryServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dlt connection to BigQuery through the official client against the loopback fake server. */
class BigQueryConnectTest {
    private static FakeBigQueryServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new FakeBigQueryServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(String dataset) {
        return "jdbc:dlt:bigquery:test-project?endpoint=" + server.endpoint() + "&dataset=" + dataset;
    }

    @Test
    void connectCreatesTheDatasetAndRunsQueriesWithItAsDefault() throws Exception {
        try (Connection c = DriverManager.getConnection(url("conn_ds")); Statement s = c.createStatement()) {
            assertEquals(List.of(List.of("1")), server.sql("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'conn_ds'"));
            assertEquals(0, s.executeUpdate("CREATE TABLE `conn_ds`.`things` (id INT64 NOT NULL, name STRING, price NUMERIC, "
                    + "ts TIMESTAMP, day DATE, ok BOOL, raw BYTES, doc JSON, f FLOAT64)"));
            assertEquals(2, s.executeUpdate("INSERT INTO things (id, name, price, ts, day, ok, raw, doc, f) VALUES "
                    + "(1, 'a', 1.5, TIMESTAMP '2024-01-01 10:00:00+00', DATE '2024-02-29', true, from_base64('AQI='), "
                    + "JSON '{\"k\": [1, 2]}', 0.25), (2, \"it's\", NULL, NULL, NULL, false, NULL, NULL, NULL)"));
            try (ResultSet rs = s.executeQuery("SELECT id, name, price, ts, day, ok, raw, doc, f FROM things ORDER BY id")) {
                ResultSetMetaData meta = rs.getMetaData();
                assertEquals(9, meta.getColumnCount());
                assertEquals(Types.BIGINT, meta.getColumnType(1));
                assertEquals("INT64", meta.getColumnTypeName(1));
                assertEquals(Types.VARCHAR, meta.getColumnType(2));
                assertEquals(Types.NUMERIC, meta.getColumnType(3));
                assertEquals(Types.TIMESTAMP, meta.getColumnType(4));
                assertEquals(Types.DATE, meta.getColumnType(5));
                assertEquals(Types.BOOLEAN, meta.getColumnType(6));
                assertEquals(Types.VARBINARY, meta.getColumnType(7));
                assertEquals("JSON", meta.getColumnTypeName(8));
                assertEquals(Types.DOUBLE, meta.getColumnType(9));
                assertTrue(rs.next());
                assertEquals(1L, rs.getObject(1));
                assertEquals("a", rs.getString("name"));
                assertEquals(0, new BigDecimal("1.5").compareTo(rs.getBigDecimal(3)));
                assertEquals(OffsetDateTime.parse("2024-01-01T10:00:00Z"), rs.getObject(4, OffsetDateTime.class));
                assertEquals(LocalDate.parse("2024-02-29"), rs.getObject(5, LocalDate.class));
                assertEquals(java.sql.Date.valueOf("2024-02-29"), rs.getDate(5));
                assertTrue(rs.getBoolean(6));
                assertEquals(List.of((byte) 1, (byte) 2), List.of(rs.getBytes(7)[0], rs.getBytes(7)[1]));
                assertTrue(rs.getString(8).replace(" ", "").contains("{\"k\":[1,2]}"), rs.getString(8));
                assertEquals(0.25, rs.getDouble(9));
                assertTrue(rs.next());
                assertEquals("it's", rs.getString(2));
                assertNull(rs.getBigDecimal(3));
                assertTrue(rs.wasNull());
                assertFalse(rs.next());
            }
            assertEquals(1, s.executeUpdate("UPDATE things SET name = 'b' WHERE id = 1"));
            assertEquals(2, s.executeUpdate("DELETE FROM `conn_ds.things` WHERE TRUE"));
        }
    }

    @Test
    void preparedStatementsBindPositionalParametersAndResultsPageLazily() throws Exception {
        try (Connection c = DriverManager.getConnection(url("page_ds")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE nums (n INT64, t STRING)");
            s.execute("INSERT INTO nums SELECT range AS n, 'x' || range AS t FROM range(2500)");
            try (PreparedStatement p = c.prepareStatement("SELECT n, t FROM nums WHERE n >= ? AND t <> ? ORDER BY n")) {
                p.setLong(1, 100);
                p.setString(2, "x101");
                p.setFetchSize(500);
                int before = server.requests().size();
                try (ResultSet rs = p.executeQuery()) {
                    long count = 0;
                    while (rs.next()) {
                        count++;
                    }
                    assertEquals(2399, count);
                }
                long pages = server.requests().subList(before, server.requests().size()).stream()
                        .filter(r -> r.contains("pageToken=")).count();
                assertTrue(pages >= 4, server.requests().subList(before, server.requests().size()).toString());
            }
            s.setMaxRows(3);
            try (ResultSet rs = s.executeQuery("SELECT n FROM nums")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(3, n);
            }
        }
    }

    @Test
    void queryTimeoutBecomesTheJobTimeoutAndErrorsKeepBigQueryMessage() throws Exception {
        try (Connection c = DriverManager.getConnection(url("err_ds")); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            s.executeQuery("SELECT 1 AS one").close();
            assertEquals("5000", server.lastQueryJob().path("configuration").path("jobTimeoutMs").asText());
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
            assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
            assertEquals("42P01", e.getSQLState());
            s.cancel(); // nothing running: a no-op
        }
    }

    @Test
    void anUnreachableEndpointIsAConnectionError() throws Exception {
        int deadPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // free now, and nothing listens once it is closed
        }
        String url = "jdbc:dlt:bigquery:test-project?endpoint=http://127.0.0.1:" + deadPort + "&dataset=ds";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
        assertEquals("08001", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }

    @Test
    void metadataListsProjectDatasetsTablesAndColumns() throws Exception {
        try (Connection c = DriverManager.getConnection(url("meta_ds")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta_t (id INT64 NOT NULL, amount NUMERIC(10, 2), ts TIMESTAMP)");
            DatabaseMetaData meta = c.getMetaData();
            assertEquals("`", meta.getIdentifierQuoteString());
            try (ResultSet rs = meta.getCatalogs()) {
                assertTrue(rs.next());
                assertEquals("test-project", rs.getString(1));
            }
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = meta.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertTrue(schemas.contains("meta_ds"), schemas.toString());
            try (ResultSet rs = meta.getTables("test-project", "meta\\_ds", "%", new String[] {"TABLE"})) {
                assertTrue(rs.next());
                assertEquals("meta_t", rs.getString("TABLE_NAME"));
                assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                assertFalse(rs.next());
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, "meta_ds", "meta_t", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " " + rs.getInt("DATA_TYPE") + " "
                            + rs.getString("IS_NULLABLE") + " " + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS"));
                }
            }
            assertEquals(List.of("id INT64 -5 NO 19,0", "amount NUMERIC 2 YES 10,2", "ts TIMESTAMP 93 YES 32,6"), columns);
            try (ResultSet rs = meta.getTypeInfo()) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void placeholderProjectIdIsNotConfigured(@TempDir Path dir) {
        TempProject project = new TempProject(dir).secrets("[destination.bigquery.credentials]\n"
                + "project_id = \"project_id\" # please set me up!\nprivate_key = \"private_key\" # please set me up!\n"
                + "client_email = \"client_email\" # please set me up!\n");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(project.url("jdbc:dlt:bigquery:")));
        assertTrue(e.getMessage().contains("project_id"), e.getMessage());
        assertTrue(e.getMessage().contains("not configured"), e.getMessage());
    }

    @Test
    void malformedPrivateKeyNamesTheKeyButNeverItsContent() {
        String key = "-----BEGIN PRIVATE KEY-----\nTOPSECRETnotbase64!!\n-----END PRIVATE KEY-----\n";
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("private_key", key);
        properties.setProperty("client_email", "svc@test-project.iam.gserviceaccount.com");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:dlt:bigquery:test-project?endpoint=" + server.endpoint(), properties));
        assertTrue(e.getMessage().contains("private_key"), e.getMessage());
        assertFalse(e.getMessage().contains("TOPSECRET"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("TOPSECRET"));
        }
    }
}
