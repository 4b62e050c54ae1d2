package io.dltjdbc.destination.postgres;

import io.dltjdbc.testkit.EmbeddedPostgresServer;
import io.dltjdbc.testkit.PostgresDatasetTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LOAD PIPELINE end to end on a real PostgreSQL: what a load writes is checked with a plain pgjdbc
 * connection. {@code RedshiftOnPostgresLoadTest} runs the same tests through the Redshift driver.
 */
public class PostgresLoadTest extends PostgresDatasetTest {
    @Override
    protected String prefix() {
        return "pgl";
    }

    protected Connection open() throws SQLException {
        return DriverManager.getConnection(url());
    }

    private long load(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            assertTrue(s.execute(sql));
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    assertEquals("loaded", rs.getString("status"));
                }
            }
            return s.getUpdateCount() < 0 ? -1 : s.getUpdateCount();
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = pg.loader(); Statement s = c.createStatement()) {
            return io.dltjdbc.testkit.Queries.texts(s, sql);
        }
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(rows("SELECT count(*) FROM \"" + ds + "\".\"" + table + "\"").get(0).get(0));
    }

    private String columnType(String table, String column) throws SQLException {
        List<List<String>> found = rows("SELECT data_type FROM information_schema.columns WHERE table_schema = '" + ds
                + "' AND table_name = '" + table + "' AND column_name = '" + column + "'");
        return found.isEmpty() ? null : found.get(0).get(0);
    }

    @Test
    public void appendCreatesTablesWithDltTypesAndChildTables() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"name\":\"a\",\"at\":\"2024-01-01T10:00:00Z\",\"price\":1.5,\"ok\":true,"
                + "\"tags\":[\"x\",\"y\"],\"o\":{\"k\":\"v\"}},{\"id\":2,\"name\":\"Say \\\"hi\\\", ok\",\"tags\":[]}]' INTO items");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":3,\"name\":\"\"}]' INTO items");
        assertEquals(3, count("items"));
        assertEquals(2, count("items__tags"));
        assertEquals("bigint", columnType("items", "id"));
        assertEquals("character varying", columnType("items", "name"));
        assertEquals("timestamp with time zone", columnType("items", "at"));
        assertEquals("double precision", columnType("items", "price"));
        assertEquals("boolean", columnType("items", "ok"));
        assertEquals("character varying", columnType("items", "o__k"));
        assertEquals(List.of(row("1", "a", "2024-01-01T10:00Z", "1.5", "t"), row("2", "Say \"hi\", ok", null, null, null),
                row("3", "", null, null, null)),
                rows("SELECT id, name, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"'), price, ok FROM \"" + ds
                        + "\".items ORDER BY id"));
        assertEquals(List.of(List.of("x", "0"), List.of("y", "1")), rows("SELECT c.value, c._dlt_list_idx FROM \"" + ds
                + "\".items__tags c JOIN \"" + ds + "\".items p ON c._dlt_parent_id = p._dlt_id ORDER BY 2"));
    }

    @Test
    public void hintedTypesRoundTrip() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"amount\":\"12.345\",\"day\":\"2024-02-29\",\"clock\":\"10:11:12\","
                + "\"doc\":{\"a\":[1,2,{\"b\":null}]},\"n\":1e3}]' INTO typed WITH (columns = 'amount decimal(10,3), day date, "
                + "clock time, doc json')");
        assertEquals("numeric", columnType("typed", "amount"));
        assertEquals("date", columnType("typed", "day"));
        assertEquals("time without time zone", columnType("typed", "clock"));
        assertEquals(jsonType(), columnType("typed", "doc"));
        List<String> row = rows("SELECT amount, day, clock, doc::text, n FROM \"" + ds + "\".typed").get(0);
        assertEquals(new BigDecimal("12.345"), new BigDecimal(row.get(0)));
        assertEquals("2024-02-29", row.get(1));
        assertEquals("10:11:12", row.get(2));
        assertEquals("{\"a\": [1, 2, {\"b\": null}]}", row.get(3));
        assertEquals(1000.0, Double.parseDouble(row.get(4)));
    }

    protected String jsonType() {
        return "jsonb";
    }

    @Test
    public void replaceSwapsRootAndChildRows() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"tags\":[\"a\",\"b\"]},{\"id\":2,\"tags\":[\"c\"]}]' INTO r "
                + "WITH (write_disposition = replace)");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":3,\"tags\":[\"z\"]}]' INTO r WITH (write_disposition = replace)");
        assertEquals(List.of(List.of("3")), rows("SELECT id FROM \"" + ds + "\".r"));
        assertEquals(List.of(List.of("z")), rows("SELECT value FROM \"" + ds + "\".r__tags"));
    }

    @Test
    public void mergeDeletesAndInsertsByPrimaryKeyWithChildTablesAndLastDuplicateWins() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"v\":\"old\",\"tags\":[\"a\",\"b\"]},{\"id\":2,\"v\":\"keep\",\"tags\":[\"c\"]}]'"
                + " INTO m WITH (write_disposition = merge, primary_key = 'id')");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"v\":\"first\",\"tags\":[\"q\"]},{\"id\":1,\"v\":\"new\",\"tags\":[\"n1\",\"n2\"]},"
                + "{\"id\":3,\"v\":\"added\"}]' INTO m WITH (write_disposition = merge, primary_key = 'id')");
        assertEquals(List.of(List.of("1", "new"), List.of("2", "keep"), List.of("3", "added")),
                rows("SELECT id, v FROM \"" + ds + "\".m ORDER BY id"));
        assertEquals(List.of(List.of("1", "n1"), List.of("1", "n2"), List.of("2", "c")),
                rows("SELECT p.id, c.value FROM \"" + ds + "\".m__tags c JOIN \"" + ds + "\".m p ON c._dlt_root_id = p._dlt_id "
                        + "ORDER BY 1, 2"));
        assertTrue(rows("SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + ds + "_staging'").size() == 1);
    }

    @Test
    public void newFieldsAddNullableColumns() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1}]' INTO evo");
        load("LOAD PIPELINE p FROM JSON '[{\"id\":2,\"extra\":\"x\",\"more\":{\"deep\":5}}]' INTO evo");
        assertEquals(List.of(row("1", null, null), row("2", "x", "5")),
                rows("SELECT id, extra, more__deep FROM \"" + ds + "\".evo ORDER BY id"));
        assertEquals("bigint", columnType("evo", "more__deep"));
    }

    @Test
    public void incrementalLoadsOnlyNewerRowsAndStoresCursorInState() throws Exception {
        String data = "[{\"id\":1,\"updated\":10},{\"id\":2,\"updated\":20}]";
        load("LOAD PIPELINE inc FROM JSON '" + data + "' INTO events WITH (incremental = 'updated')");
        load("LOAD PIPELINE inc FROM JSON '" + data.replace("]", ",{\"id\":3,\"updated\":30}]") + "' INTO events "
                + "WITH (incremental = 'updated')");
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")), rows("SELECT id FROM \"" + ds + "\".events ORDER BY id"));
        assertEquals(2, count("_dlt_pipeline_state"));
    }

    @Test
    public void systemTablesRecordLoadsSchemaAndState() throws Exception {
        String sys = "sys_" + prefix(); // pipelines are found across datasets: one name per test class
        load("LOAD PIPELINE " + sys + " FROM JSON '[{\"a\":1}]' INTO t1");
        load("LOAD PIPELINE " + sys + " FROM JSON '[{\"a\":2}]' INTO t1");
        List<List<String>> loads = rows("SELECT load_id, schema_name, status FROM \"" + ds + "\"._dlt_loads ORDER BY load_id");
        assertEquals(2, loads.size());
        assertEquals(sys, loads.get(0).get(1));
        assertEquals("0", loads.get(1).get(2));
        assertEquals(List.of(List.of("1")), rows("SELECT count(DISTINCT _dlt_load_id) FROM \"" + ds + "\".t1 WHERE _dlt_load_id = '"
                + loads.get(1).get(0) + "'"));
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
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t1")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
            }
        }
    }

    @Test
    public void failedLoadLeavesDataUnchangedAndRerunAfterFixCompletes() throws Exception {
        load("LOAD PIPELINE f FROM JSON '[{\"id\":1,\"amount\":\"1.50\",\"tags\":[\"a\"]}]' INTO money "
                + "WITH (columns = 'amount decimal(5,2)')");
        SQLException e = assertThrows(SQLException.class, () -> load("LOAD PIPELINE f FROM JSON '[{\"id\":2,\"amount\":\"2.00\","
                + "\"tags\":[\"b\"]},{\"id\":3,\"amount\":\"123456789.00\"}]' INTO money WITH (columns = 'amount decimal(5,2)')"));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertFalse(e.getMessage().contains(EmbeddedPostgresServer.PASSWORD));
        assertEquals(1, count("money"));
        assertEquals(1, count("money__tags"));
        assertEquals(1, count("_dlt_loads"));
        load("LOAD PIPELINE f FROM JSON '[{\"id\":2,\"amount\":\"2.00\",\"tags\":[\"b\"]},{\"id\":3,\"amount\":\"123.00\"}]' "
                + "INTO money WITH (columns = 'amount decimal(5,2)')");
        assertEquals(3, count("money"));
        assertEquals(2, count("_dlt_loads"));
    }

    @Test
    public void loadsFilesJsonlAndCsv(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("orders.jsonl");
        Files.writeString(jsonl, "{\"id\": 1, \"name\": \"a\"}\n\n{\"id\": 2, \"name\": \"b\", \"tags\": [\"x\", \"y\"]}\n");
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "id,name,comment\n1,\"Smith, John\",\"He said \"\"hi\"\"\"\n2,plain,\"line one\nline two\"\n");
        load("LOAD PIPELINE files FROM '" + jsonl + "' INTO orders");
        load("LOAD PIPELINE files FROM '" + csv + "' INTO people");
        assertEquals(2, count("orders"));
        assertEquals(2, count("orders__tags"));
        assertEquals(List.of(List.of("Smith, John", "He said \"hi\""), List.of("plain", "line one\nline two")),
                rows("SELECT name, comment FROM \"" + ds + "\".people ORDER BY name"));
    }

    @Test
    public void longAndHostileNamesAreShortenedAndQuoted() throws Exception {
        String longName = "a_really_long_field_name_that_goes_on_and_on_well_past_the_limit_of_the_destination_x";
        load("LOAD PIPELINE n FROM JSON '[{\"" + longName + "\":1,\"x\\\"; DROP TABLE t; --\":2}]' INTO \"Hostile Table\"");
        List<List<String>> columns = rows("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + ds
                + "' AND table_name = 'hostile_table' AND column_name NOT LIKE '\\_dlt%' ORDER BY ordinal_position");
        assertEquals(2, columns.size());
        assertTrue(columns.get(0).get(0).length() <= maxIdentifierLength(), columns.toString());
        assertTrue(columns.get(0).get(0).startsWith("a_really_long"), columns.toString());
        assertEquals(1, count("hostile_table"));
    }

    private static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }

    protected int maxIdentifierLength() {
        return 63;
    }

    @Test
    public void emptyStringAndNullStayDistinct() throws Exception {
        load("LOAD PIPELINE e FROM JSON '[{\"id\":1,\"s\":\"\"},{\"id\":2,\"s\":null},{\"id\":3}]' INTO es");
        List<List<String>> found = rows("SELECT id, s IS NULL, s FROM \"" + ds + "\".es ORDER BY id");
        assertEquals("f", found.get(0).get(1));
        assertEquals("", found.get(0).get(2));
        assertEquals("t", found.get(1).get(1));
        assertNull(found.get(2).get(2));
    }
}
