package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of FROM source loads its rows, with nested data in child tables. */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class SourceKindsLoadTest extends LoadTestSupport {

    SourceKindsLoadTest(Db db) {
        super(db);
    }

    @Test
    void jsonLinesFileLoadsOneRowPerLine() throws Exception {
        Path file = write("orders.jsonl", "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n\n{\"id\":3,\"name\":\"c\"}\n");
        List<Map<String, Object>> summary = load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.orders");
        assertEquals(1, summary.size());
        assertEquals(3L, summary.get(0).get("rows"));
        assertEquals(List.of("a", "b", "c"), column("SELECT name FROM ds.orders ORDER BY id"));
    }

    @Test
    void tableNameComesFromTheFileNameWithoutInto() throws Exception {
        Path file = write("Sales Orders.jsonl", "{\"id\":1}\n");
        load("LOAD PIPELINE p FROM " + lit(file) + " WITH (dataset_name = 'ds')");
        assertEquals(1, count("ds.sales_orders"));
    }

    @Test
    void unknownFileExtensionIsAnErrorThatAsksForFormat() throws Exception {
        Path file = write("x.txt", "{\"id\":1}\n");
        SQLException e = loadFails("LOAD PIPELINE pb FROM " + lit(file));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("add FORMAT jsonl|json|csv|parquet"), e.getMessage());
        assertTrue(rows("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'x%'").isEmpty());
    }

    @Test
    void givenFormatLoadsAnyExtensionIntoATableNamedWithoutIt() throws Exception {
        load("LOAD PIPELINE pb FROM " + lit(write("x.txt", "{\"id\":1}\n")) + " FORMAT jsonl WITH (dataset_name = 'ds')");
        load("LOAD PIPELINE pb FROM " + lit(write("y.log.gz", "id\n2\n")) + " FORMAT csv WITH (dataset_name = 'ds')");
        load("LOAD PIPELINE pb FROM " + lit(write("z.jsonl", "{\"id\":3}\n")) + " FORMAT json WITH (dataset_name = 'ds')");
        assertEquals(List.of(1L, 1L, 1L), List.of(count("ds.x"), count("ds.y"), count("ds.z")));
    }

    @Test
    void knownExtensionsAndTheirGzipFormsNameTheTableWithoutExtension() throws Exception {
        for (String name : List.of("a.jsonl", "b.ndjson", "c.json", "d.csv", "e.jsonl.gz", "f.ndjson.gz", "g.json.gz", "h.csv.gz")) {
            String content = name.contains(".csv") ? "id\n1\n" : "{\"id\":1}\n";
            Path file = dir.resolve(name);
            if (name.endsWith(".gz")) {
                try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file))) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                write(name, content);
            }
            List<Map<String, Object>> summary = load("LOAD PIPELINE pb FROM " + lit(file) + " WITH (dataset_name = 'ds')");
            assertEquals(name.substring(0, 1), summary.get(0).get("table_name"), name);
        }
    }

    @Test
    void jsonArrayFileLoadsEachElement() throws Exception {
        Path file = write("a.json", "[{\"id\":1},{\"id\":2}]");
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.t");
        assertEquals(List.of("1", "2"), column("SELECT id FROM ds.t ORDER BY id"));
    }

    @Test
    void singleJsonObjectFileLoadsOneRow() throws Exception {
        Path file = write("one.json", "{\"id\":7,\"profile\":{\"country\":\"NO\"}}");
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.t");
        assertEquals(List.of(List.of(7L, "NO")), rows("SELECT id, profile__country FROM ds.t"));
    }

    @Test
    void csvWithHeaderAndQuotedFieldsKeepsCommasQuotesAndNewlines() throws Exception {
        Path file = write("people.csv", "id,name,note\n1,\"Smith, Jane\",\"said \"\"hi\"\"\"\n2,Bob,\"two\nlines\"\n");
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.people");
        assertEquals(List.of(List.of("1", "Smith, Jane", "said \"hi\""), List.of("2", "Bob", "two\nlines")),
                rows("SELECT CAST(id AS VARCHAR), name, note FROM ds.people ORDER BY id"));
    }

    @Test
    void globLoadsEveryMatchingFile() throws Exception {
        write("in/part-1.jsonl", "{\"id\":1}\n{\"id\":2}\n");
        write("in/part-2.jsonl", "{\"id\":3}\n");
        write("in/other.csv", "id\n99\n");
        load("LOAD PIPELINE p FROM " + lit(dir.resolve("in") + "/part-*.jsonl") + " INTO ds.parts");
        assertEquals(List.of("1", "2", "3"), column("SELECT id FROM ds.parts ORDER BY id"));
    }

    @Test
    void httpUrlIsFetchedAndLoaded() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = "{\"id\":1,\"tags\":[\"x\"]}\n{\"id\":2,\"tags\":[]}\n".getBytes(StandardCharsets.UTF_8);
        server.createContext("/data/items.jsonl", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data/items.jsonl";
            load("LOAD PIPELINE p FROM " + lit(url) + " WITH (dataset_name = 'ds')");
            assertEquals(2, count("ds.items"));
            assertEquals(1, count("ds.items__tags"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void inlineJsonMakesChildTablesLinkedByParentId() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"tags\":[\"x\",\"y\"]},{\"id\":2,\"tags\":[\"z\"]}]' INTO ds.items");
        assertEquals(3, count("ds.items__tags"));
        assertEquals(List.of(List.of(1L, "x", 0L), List.of(1L, "y", 1L), List.of(2L, "z", 0L)),
                rows("SELECT i.id, t.value, t._dlt_list_idx FROM ds.items i JOIN ds.items__tags t ON t._dlt_parent_id = i._dlt_id"
                        + " ORDER BY 1, 3"));
        assertEquals(3L, ((Number) one("SELECT count(DISTINCT _dlt_id) FROM ds.items__tags")).longValue());
    }

    @Test
    void loadIdIsOnRootTablesOnly() throws Exception {
        List<Map<String, Object>> summary = load("LOAD PIPELINE p FROM JSON '{\"id\":1,\"tags\":[\"x\"]}' INTO ds.items");
        List<String> root = columns("ds", "items");
        List<String> child = columns("ds", "items__tags");
        assertTrue(root.contains("_dlt_load_id") && root.contains("_dlt_id"), root.toString());
        assertFalse(child.contains("_dlt_load_id"), child.toString());
        assertTrue(child.containsAll(List.of("_dlt_parent_id", "_dlt_list_idx", "_dlt_id")), child.toString());
        assertEquals(summary.get(0).get("load_id"), one("SELECT _dlt_load_id FROM ds.items"));
    }

    @Test
    void queryOnTheCurrentConnectionCopiesRows() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE main.src AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(id, name)");
        }
        load("LOAD PIPELINE p FROM QUERY 'SELECT id, name FROM main.src' INTO ds.copy");
        assertEquals(List.of("a", "b"), column("SELECT name FROM ds.copy ORDER BY id"));
    }

    @Test
    void queryOnAnotherJdbcUrlKeepsDateDecimalTimestampAndBinaryTypes() throws Exception {
        String h2 = "jdbc:h2:mem:src_" + db + ";DB_CLOSE_DELAY=-1";
        try (Connection source = DriverManager.getConnection(h2); Statement s = source.createStatement()) {
            s.execute("CREATE TABLE sales (id INT, d DATE, amount DECIMAL(10,2), ts TIMESTAMP, raw BINARY(3))");
            s.execute("INSERT INTO sales VALUES (1, DATE '2024-02-29', 12.34, TIMESTAMP '2024-01-01 10:00:00', X'010203')");
            load("LOAD PIPELINE p FROM QUERY 'SELECT * FROM sales' ON " + lit(h2) + " INTO ds.sales");
            s.execute("DROP TABLE sales");
        }
        assertEquals("DATE", columnType("ds", "sales", "d"));
        assertTrue(columnType("ds", "sales", "amount").startsWith("DECIMAL"), columnType("ds", "sales", "amount"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("ds", "sales", "ts"));
        assertEquals("BLOB", columnType("ds", "sales", "raw"));
        List<Object> row = rows("SELECT d, amount, ts, raw FROM ds.sales").get(0);
        assertEquals(LocalDate.of(2024, 2, 29), LocalDate.parse(row.get(0).toString()));
        assertEquals(0, new BigDecimal("12.34").compareTo((BigDecimal) row.get(1)));
        assertEquals(OffsetDateTime.parse("2024-01-01T10:00:00Z").toInstant(),
                ((OffsetDateTime) one("SELECT ts FROM ds.sales")).toInstant());
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT raw FROM ds.sales")) {
            assertTrue(rs.next());
            assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(1));
        }
    }

    @Test
    void chessSampleSourceLoadsProfilesGamesAndOnlineStatus() throws Exception {
        write(".dlt/config.toml", "[sources.chess]\napi_url = \"sample\"\n");
        List<Map<String, Object>> summary = load("LOAD PIPELINE chess_pipeline FROM SOURCE chess(players=('hikaru','fabianocaruana'),"
                + " start_month='2022/11', end_month='2022/12') WITH (dataset_name = 'chess')");
        assertTrue(summary.stream().anyMatch(r -> "players_games".equals(r.get("table_name"))), summary.toString());
        assertEquals(2, count("chess.players_profiles"));
        assertEquals(40, count("chess.players_games"));
        assertEquals(2, count("chess.players_online_status"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("chess", "players_games", "end_time"));
        assertEquals("TIMESTAMP WITH TIME ZONE", columnType("chess", "players_profiles", "last_online"));
        assertEquals("replace", summary.stream().filter(r -> "players_profiles".equals(r.get("table_name")))
                .findFirst().orElseThrow().get("write_disposition"));
    }

    @Test
    void chessRerunOverTheSameMonthsLoadsNoNewGames() throws Exception {
        write(".dlt/config.toml", "[sources.chess]\napi_url = \"sample\"\n");
        String sql = "LOAD PIPELINE chess_pipeline FROM SOURCE chess(players=('hikaru'), start_month='2022/11',"
                + " end_month='2022/12', resources=('players_games')) WITH (dataset_name = 'chess')";
        load(sql);
        load(sql);
        assertEquals(40, count("chess.players_games"));
    }

    @Test
    void chessPlayerMissingFromTheOfflineSampleIsNamedWithThePlayersItHas() throws Exception {
        write(".dlt/config.toml", "[sources.chess]\napi_url = \"sample\"\n");
        SQLException e = loadFails("LOAD PIPELINE chess_pipeline FROM SOURCE chess(players=('magnuscarlsen'))");
        assertEquals("58P01", e.getSQLState());
        assertTrue(e.getMessage().contains("offline chess sample"), e.getMessage());
        assertTrue(e.getMessage().contains("'magnuscarlsen'"), e.getMessage());
        assertTrue(e.getMessage().contains("hikaru, fabianocaruana"), e.getMessage());
        assertFalse(e.getMessage().contains("chess.com has no player"), e.getMessage());
    }

    @Test
    void chessWithoutPlayersSuggestsPlayersTheOfflineSampleHas() throws Exception {
        write(".dlt/config.toml", "[sources.chess]\napi_url = \"sample\"\n");
        SQLException e = loadFails("LOAD PIPELINE chess_pipeline FROM SOURCE chess()");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("players = ('hikaru'"), e.getMessage());
        String example = e.getMessage().substring(e.getMessage().indexOf("SOURCE chess("));
        load("LOAD PIPELINE chess_pipeline FROM " + example + " WITH (dataset_name = 'chess')");
        assertTrue(count("chess.players_profiles") > 0);
    }

    @Test
    void chessWithoutInternetSaysWhyAndPointsToTheOfflineSample() throws Exception {
        write(".dlt/config.toml", "[sources.chess]\napi_url = \"http://api.nonexistent.invalid/pub\"\n");
        SQLException e = loadFails("LOAD PIPELINE chess_pipeline FROM SOURCE chess(players=('hikaru'))");
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("unknown host api.nonexistent.invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("api_url = \"sample\""), e.getMessage());
        assertTrue(e.getMessage().contains("init --offline"), e.getMessage());
    }

    @Test
    void chessApiRefusingTheConnectionSaysSoWithoutItsSecrets() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        write(".dlt/config.toml", "[sources.chess]\napi_url = \"http://bob:hunter2@127.0.0.1:" + closed + "/pub?key=K9\"\n");
        SQLException e = loadFails("LOAD PIPELINE chess_pipeline FROM SOURCE chess(players=('hikaru'))");
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains("api_url = \"sample\""), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("K9"), e.getMessage());
    }

    @Test
    void datasetAndTableNamesAreNormalized() throws Exception {
        load("LOAD PIPELINE p FROM JSON '{\"id\":1}' INTO MyData.\"My Table\"");
        assertEquals(1, count("my_data.my_table"));
    }

    @Test
    void intoAndAnOptionNamingDifferentDatasetsOrTablesIsAnError() throws Exception {
        SQLException dataset = loadFails("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO a.b WITH (dataset_name = 'c')");
        assertEquals("22023", dataset.getSQLState());
        assertTrue(dataset.getMessage().contains("INTO names dataset 'a' but dataset_name = 'c'"), dataset.getMessage());
        SQLException table = loadFails("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO a.b WITH (table_name = 'd')");
        assertEquals("22023", table.getSQLState());
        load("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO a.b WITH (dataset_name = 'A', table_name = 'b')");
        assertEquals(1L, count("a.b"));
    }
}
