package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each bad input fails with a precise message and SQLState, leaves the data, {@code _dlt_loads} and the
 * state exactly as they were, and the same statement completes once the cause is fixed.
 */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class BadInputLoadTest extends LoadTestSupport {

    BadInputLoadTest(Db db) {
        super(db);
    }

    /** A first good load of pipeline p into ds.t, so that there is something to keep. */
    @BeforeEach
    void loadSomething() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"v\":\"a\",\"xs\":[1]},{\"id\":2,\"v\":\"b\",\"xs\":[2]}]' INTO ds.t"
                + " WITH (write_disposition = 'merge', primary_key = 'id')");
    }

    /** Every row of every table of the dataset, system tables included, in a stable order. */
    String snapshot() throws SQLException {
        return snapshot(c);
    }

    static String snapshot(Connection connection) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (List<Object> table : rows(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'ds'"
                + " ORDER BY table_name")) {
            out.append(table.get(0)).append(": ").append(rows(connection, "SELECT * FROM ds.\"" + table.get(0) + "\" ORDER BY ALL"))
                    .append('\n');
        }
        return out.toString();
    }

    /** Runs the failing statement and checks that nothing changed. */
    SQLException failsLeavingEverythingAsItWas(String sql) throws Exception {
        String before = snapshot();
        SQLException e = loadFails(sql);
        assertEquals(before, snapshot(), "a failed load changed the dataset: " + e.getMessage());
        return e;
    }

    @Test
    void malformedJsonAtLine5001NamesFileAndLine() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            lines.append("{\"id\":").append(100 + i).append(",\"v\":\"x\"}\n");
        }
        Path file = write("big.jsonl", lines + "{\"id\": 5101, \"v\": oops}\n");
        String sql = "LOAD PIPELINE p FROM " + lit(file) + " INTO ds.t WITH (write_disposition = 'merge', primary_key = 'id')";
        SQLException e = failsLeavingEverythingAsItWas(sql);
        assertEquals("22032", e.getSQLState());
        assertTrue(e.getMessage().contains("big.jsonl"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5001"), e.getMessage());

        write("big.jsonl", lines + "{\"id\": 5101, \"v\": \"fixed\"}\n");
        load(sql);
        assertEquals(2 + 5001, count("ds.t"));
    }

    @Test
    void missingFileNamesThePath() throws Exception {
        Path file = dir.resolve("later.jsonl");
        String sql = "LOAD PIPELINE p FROM " + lit(file) + " INTO ds.t";
        SQLException e = failsLeavingEverythingAsItWas(sql);
        assertEquals("58P01", e.getSQLState());
        assertTrue(e.getMessage().contains("file not found: " + file), e.getMessage());

        Files.writeString(file, "{\"id\":3}\n");
        load(sql);
        assertEquals(3, count("ds.t"));
    }

    @Test
    void unreachableUrlNamesTheUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/rows.jsonl";
        String sql = "LOAD PIPELINE p FROM " + lit(url) + " INTO ds.t";
        SQLException e = failsLeavingEverythingAsItWas(sql);
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());

        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        byte[] body = "{\"id\":3}\n".getBytes(StandardCharsets.UTF_8);
        server.createContext("/rows.jsonl", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            load(sql);
        } finally {
            server.stop(0);
        }
        assertEquals(3, count("ds.t"));
    }

    @Test
    void frozenSchemaRejectsANewColumnNamingTableAndColumn() throws Exception {
        String sql = "LOAD PIPELINE p FROM JSON '{\"id\":3,\"v\":\"c\",\"surprise\":1}' INTO ds.t WITH (schema_contract = 'freeze')";
        SQLException e = failsLeavingEverythingAsItWas(sql);
        assertEquals("23514", e.getSQLState());
        assertTrue(e.getMessage().contains("surprise"), e.getMessage());
        assertTrue(e.getMessage().contains("table 't'"), e.getMessage());

        load("LOAD PIPELINE p FROM JSON '{\"id\":3,\"v\":\"c\"}' INTO ds.t WITH (schema_contract = 'freeze')");
        assertEquals(3, count("ds.t"));
    }

    @Test
    void mergeRowWithoutItsPrimaryKeyNamesTheColumn() throws Exception {
        String sql = "LOAD PIPELINE p FROM JSON '[{\"id\":3,\"v\":\"c\"},{\"v\":\"no id\"}]' INTO ds.t"
                + " WITH (write_disposition = 'merge', primary_key = 'id')";
        SQLException e = failsLeavingEverythingAsItWas(sql);
        assertEquals("23502", e.getSQLState());
        assertTrue(e.getMessage().contains("column 'id' of table 't'"), e.getMessage());
        assertTrue(e.getMessage().contains("item 2"), e.getMessage());

        load(sql.replace("{\"v\":\"no id\"}", "{\"id\":4,\"v\":\"d\"}"));
        assertEquals(4, count("ds.t"));
    }

    @Test
    void queryErrorOnAnotherUrlSaysWhere() throws Exception {
        String h2 = "jdbc:h2:mem:bad_" + db + ";DB_CLOSE_DELAY=-1";
        String sql = "LOAD PIPELINE p FROM QUERY 'SELECT id, v FROM missing_table' ON " + lit(h2) + " INTO ds.t";
        SQLException e = failsLeavingEverythingAsItWas(sql);
        assertTrue(e.getMessage().contains("QUERY ... ON"), e.getMessage());
        assertTrue(e.getMessage().toUpperCase().contains("MISSING_TABLE"), e.getMessage());
        assertEquals("42S04", e.getSQLState()); // H2's own state (table not found, database empty) passes through

        try (Connection source = DriverManager.getConnection(h2); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE missing_table (id BIGINT, v VARCHAR)");
            s.execute("INSERT INTO missing_table VALUES (3, 'c')");
            load(sql);
            s.execute("DROP TABLE missing_table");
        }
        assertEquals(3, count("ds.t"));
    }

    @Test
    void valueTheDestinationRejectsRollsBackTheWholeLoad() throws Exception {
        // the replace empties ds.t before the insert that fails in DuckDB: the rollback must bring the rows back
        String sql = "LOAD PIPELINE p FROM JSON '[{\"id\":3,\"amount\":\"1.5\"},{\"id\":4,\"amount\":\"123456.5\"}]' INTO ds.t"
                + " WITH (write_disposition = 'replace', columns = 'amount decimal(4,2)')";
        SQLException e = failsLeavingEverythingAsItWas(sql);
        assertEquals("22P02", e.getSQLState());
        assertTrue(e.getMessage().startsWith("cannot load the rows of table ds.t: Conversion Error"), e.getMessage());
        assertTrue(e.getMessage().contains("123456.5"), e.getMessage());
        List<String> loads = new ArrayList<>(column("SELECT load_id FROM ds._dlt_loads"));
        assertEquals(1, loads.size());

        load(sql.replace("123456.5", "12.5"));
        assertEquals(List.of("3", "4"), column("SELECT id FROM ds.t ORDER BY id"));
    }

    @Test
    void anotherConnectionSeesTheDataUnchangedAfterAFailedLoad() throws Exception {
        assumeTrue(db == Db.FILE, "a second connection to :memory: opens another database");
        try (Connection other = DriverManager.getConnection(url())) {
            String before = snapshot(other);
            loadFails("LOAD PIPELINE p FROM JSON '[{\"id\":9,\"amount\":\"1.5\"},{\"id\":10,\"amount\":\"99999\"}]' INTO ds.t"
                    + " WITH (write_disposition = 'replace', columns = 'amount decimal(4,2)')");
            assertEquals(before, snapshot(other));
            assertEquals(2, ((Number) rows(other, "SELECT count(*) FROM ds.t").get(0).get(0)).longValue());
        }
    }

    @Test
    void anotherConnectionSeesACompletedLoadWhole() throws Exception {
        assumeTrue(db == Db.FILE, "a second connection to :memory: opens another database");
        try (Connection other = DriverManager.getConnection(url())) {
            String loadId = (String) load("LOAD PIPELINE p FROM JSON '[{\"id\":3,\"xs\":[7,8]}]' INTO ds.t"
                    + " WITH (write_disposition = 'merge', primary_key = 'id')").get(0).get("load_id");
            assertEquals(3L, ((Number) rows(other, "SELECT count(*) FROM ds.t").get(0).get(0)).longValue());
            assertEquals(4L, ((Number) rows(other, "SELECT count(*) FROM ds.t__xs").get(0).get(0)).longValue());
            assertEquals(loadId, rows(other, "SELECT max(load_id) FROM ds._dlt_loads").get(0).get(0));
        }
    }
}
