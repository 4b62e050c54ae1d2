package io.dltjdbc.destination.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.bigquery.FakeBigQueryServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LOAD PIPELINE into BigQuery through load jobs, checked in the fake server's DuckDB. */
class BigQueryLoadTest {
    private static final AtomicInteger DATASETS = new AtomicInteger();
    private static FakeBigQueryServer server;
    private String ds;

    @BeforeAll
    static void start() throws Exception {
        server = new FakeBigQueryServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void dataset() {
        ds = "bql_ds" + DATASETS.incrementAndGet();
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:dlt:bigquery:test-project?endpoint=" + server.endpoint() + "&dataset=" + ds);
    }

    private long load(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            assertTrue(s.execute(sql));
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    assertEquals("loaded", rs.getString("status"));
                }
            }
            return s.getUpdateCount();
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        return server.sql(sql);
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(rows("SELECT count(*) FROM \"" + ds + "\".\"" + table + "\"").get(0).get(0));
    }

    private String columnType(String table, String column) throws SQLException {
        List<List<String>> found = rows("SELECT data_type FROM information_schema.columns WHERE table_schema = '" + ds
                + "' AND table_name = '" + table + "' AND column_name = '" + column + "'");
        return found.isEmpty() ? null : found.get(0).get(0);
    }

    private static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }

    @Test
    void appendCreatesTablesWithBigQueryTypesAndChildTablesThroughLoadJobs() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"name\":\"a\",\"at\":\"2024-01-01T10:00:00Z\",\"price\":1.5,\"ok\":true,"
                + "\"tags\":[\"x\",\"y\"],\"o\":{\"k\":\"v\"}},{\"id\":2,\"name\":\"Say \\\"hi\\\", ok\",\"tags\":[]}]' INTO items");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":3,\"name\":\"\"}]' INTO items");
        assertEquals(3, count("items"));
        assertEquals(2, count("items__tags"));
        assertEquals("BIGINT", columnType("items", "id"));
        assertEquals("VARCHAR", columnType("items", "name"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("items", "at"));
        assertEquals("DOUBLE", columnType("items", "price"));
        assertEquals("BOOLEAN", columnType("items", "ok"));
        assertEquals(List.of(row("1", "a", "1704103200", "1.5", "true"), row("2", "Say \"hi\", ok", null, null, null),
                row("3", "", null, null, null)), rows("SELECT id, name, CAST(epoch(\"at\") AS BIGINT), price, ok FROM \"" + ds + "\".items ORDER BY id"));
        assertEquals(List.of(row("x", "0"), row("y", "1")), rows("SELECT c.value, c._dlt_list_idx FROM \"" + ds
                + "\".items__tags c JOIN \"" + ds + "\".items p ON c._dlt_parent_id = p._dlt_id ORDER BY 2"));
        assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("POST /upload/bigquery/v2/projects/test-project/jobs")));
        assertFalse(server.requests().stream().anyMatch(r -> r.contains("insertAll")));
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, `at`, o__k FROM items WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals(java.time.OffsetDateTime.parse("2024-01-01T10:00:00Z"), rs.getObject(2, java.time.OffsetDateTime.class));
            assertEquals("v", rs.getString(3));
        }
    }

    @Test
    void hintedTypesRoundTrip() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"amount\":\"12.345\",\"day\":\"2024-02-29\",\"clock\":\"10:11:12\","
                + "\"doc\":{\"a\":[1,2,{\"b\":null}]},\"n\":1e3}]' INTO typed WITH (columns = 'amount decimal(10,3), day date, "
                + "clock time, doc json')");
        assertEquals("DECIMAL(10,3)", columnType("typed", "amount"));
        assertEquals("DATE", columnType("typed", "day"));
        assertEquals("TIME", columnType("typed", "clock"));
        assertEquals("JSON", columnType("typed", "doc"));
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT amount, day, clock, doc, n FROM typed")) {
            assertTrue(rs.next());
            assertEquals(new BigDecimal("12.345"), rs.getBigDecimal(1));
            assertEquals("2024-02-29", rs.getString(2));
            assertEquals("10:11:12", rs.getString(3));
            assertEquals("{\"a\":[1,2,{\"b\":null}]}", rs.getString(4).replace(" ", ""));
            assertEquals(1000.0, rs.getDouble(5));
        }
    }

    @Test
    void replaceSwapsRootAndChildRows() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"tags\":[\"a\",\"b\"]},{\"id\":2,\"tags\":[\"c\"]}]' INTO r "
                + "WITH (write_disposition = replace)");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":3,\"tags\":[\"z\"]}]' INTO r WITH (write_disposition = replace)");
        assertEquals(List.of(List.of("3")), rows("SELECT id FROM \"" + ds + "\".r"));
        assertEquals(List.of(List.of("z")), rows("SELECT value FROM \"" + ds + "\".r__tags"));
        load("LOAD PIPELINE p FROM JSON '[{\"id\":4}]' INTO r WITH (write_disposition = replace)");
        assertEquals(List.of(List.of("4")), rows("SELECT id FROM \"" + ds + "\".r"));
        assertEquals(0, count("r__tags"));
    }

    @Test
    void mergeDeletesAndInsertsByPrimaryKeyWithChildTablesAndLastDuplicateWins() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"v\":\"old\",\"tags\":[\"a\",\"b\"]},{\"id\":2,\"v\":\"keep\",\"tags\":[\"c\"]}]'"
                + " INTO m WITH (write_disposition = merge, primary_key = 'id')");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"v\":\"first\",\"tags\":[\"q\"]},{\"id\":1,\"v\":\"new\",\"tags\":[\"n1\",\"n2\"]},"
                + "{\"id\":3,\"v\":\"added\"}]' INTO m WITH (write_disposition = merge, primary_key = 'id')");
        assertEquals(List.of(row("1", "new"), row("2", "keep"), row("3", "added")),
                rows("SELECT id, v FROM \"" + ds + "\".m ORDER BY id"));
        assertEquals(List.of(row("1", "n1"), row("1", "n2"), row("2", "c")),
                rows("SELECT p.id, c.value FROM \"" + ds + "\".m__tags c JOIN \"" + ds + "\".m p ON c._dlt_root_id = p._dlt_id "
                        + "ORDER BY 1, 2"));
        assertEquals(1, rows("SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + ds + "_staging'").size());
        assertEquals(null, columnType("m", BigQueryLoader.STAGING_SEQUENCE));
    }

    @Test
    void newFieldsAddNullableColumnsThroughTableSchemaUpdate() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1}]' INTO evo");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":2,\"extra\":\"x\",\"more\":{\"deep\":5}}]' INTO evo");
        assertEquals(List.of(row("1", null, null), row("2", "x", "5")),
                rows("SELECT id, extra, more__deep FROM \"" + ds + "\".evo ORDER BY id"));
        assertEquals("BIGINT", columnType("evo", "more__deep"));
        // tables.patch (sent as POST with X-HTTP-Method-Override by the JDK transport)
        assertTrue(server.requests().stream().anyMatch(r -> !r.startsWith("GET") && !r.startsWith("DELETE")
                && r.contains("/datasets/" + ds + "/tables/evo?")), server.requests().toString());
    }

    @Test
    void systemTablesRecordLoadsSchemaAndStateAndPipelineCommandsWork() throws Exception {
        String sys = "sys_bq";
        load("LOAD PIPELINE " + sys + " FROM JSON '[{\"a\":1}]' INTO t1");
        load("LOAD PIPELINE " + sys + " FROM JSON '[{\"a\":2}]' INTO t1");
        List<List<String>> loads = rows("SELECT load_id, schema_name, status FROM \"" + ds + "\"._dlt_loads ORDER BY load_id");
        assertEquals(2, loads.size());
        assertEquals(sys, loads.get(0).get(1));
        assertEquals("0", loads.get(1).get(2));
        assertEquals(1, count("_dlt_version"));
        assertFalse(rows("SELECT state FROM \"" + ds + "\"._dlt_pipeline_state WHERE pipeline_name = '" + sys + "'").isEmpty());
        try (Connection c = open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW LOADS FOR " + sys)) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(2, n);
            }
            try (ResultSet rs = s.executeQuery("SHOW PIPELINES")) {
                boolean found = false;
                while (rs.next()) {
                    found |= rs.getString(1).equals(sys);
                }
                assertTrue(found);
            }
            try (ResultSet rs = s.executeQuery("SHOW PIPELINE " + sys)) {
                assertTrue(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t1")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
            }
        }
    }

    @Test
    void failedLoadJobSurfacesBigQueryMessageAndLeavesTablesUnchanged() throws Exception {
        load("LOAD PIPELINE f FROM JSON '[{\"id\":1,\"amount\":\"1.50\"}]' INTO money WITH (columns = 'amount decimal(5,2)')");
        SQLException e = assertThrows(SQLException.class, () -> load("LOAD PIPELINE f FROM JSON '[{\"id\":2,\"amount\":\"2.00\"},"
                + "{\"id\":3,\"amount\":\"123456789.00\"}]' INTO money WITH (columns = 'amount decimal(5,2)')"));
        assertTrue(e.getMessage().contains("Invalid NUMERIC"), e.getMessage());
        assertTrue(e.getMessage().contains("money"), e.getMessage());
        assertEquals(1, count("money"));
        assertEquals(1, count("_dlt_loads"));
        load("LOAD PIPELINE f FROM JSON '[{\"id\":2,\"amount\":\"2.00\"},{\"id\":3,\"amount\":\"123.00\"}]' "
                + "INTO money WITH (columns = 'amount decimal(5,2)')");
        assertEquals(3, count("money"));
        assertEquals(2, count("_dlt_loads"));
    }
}
