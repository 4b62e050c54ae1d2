package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code FROM '<file>.parquet'} and {@code FORMAT parquet}: rows come with parquet's types, nested data is
 * normalized like JSON (dlt's {@code read_parquet} yields {@code to_pylist()} rows), globs and URLs work like
 * the other formats. Fixtures are written by DuckDB in the test, not checked in.
 */
class ParquetSourceLoadTest extends LoadTestSupport {
    /** One row of every common parquet type, id 1 and 2. */
    private static final String TYPED_ROWS = "SELECT i::INTEGER AS id, (i * 10)::BIGINT AS big, i / 4 AS ratio,"
            + " (i * 1.25)::DECIMAL(10, 2) AS amount, DATE '2024-02-28' + i::INTEGER AS day,"
            + " TIMESTAMP '2024-01-01 10:00:00' + INTERVAL (i) HOUR AS seen_at, TIMESTAMPTZ '2024-01-01 10:00:00+00' AS seen_at_tz,"
            + " TIME '10:30:00' AS clock, 'name ' || i AS name, ('b' || i)::BLOB AS raw, i % 2 = 0 AS even,"
            + " {'country': 'NO', 'rating': {'blitz': 3000 + i}} AS profile, [i, i + 1] AS tags, NULL::VARCHAR AS nothing"
            + " FROM range(1, 3) r(i)";

    ParquetSourceLoadTest() {
        super(Db.MEMORY);
    }

    /** Writes the rows of {@code select} as a parquet file. */
    Path parquet(String name, String select) throws SQLException, IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
            s.execute("COPY (" + select + ") TO " + lit(file) + " (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void parquetFileLoadsWithItsTypesIntoATableNamedAfterIt() throws Exception {
        Path file = parquet("orders.parquet", TYPED_ROWS);
        List<Map<String, Object>> summary = load("LOAD PIPELINE p FROM " + lit(file) + " WITH (dataset_name = 'ds')");
        assertEquals("orders", summary.get(0).get("table_name"));
        assertEquals(2L, summary.get(0).get("rows"));
        Map<String, String> expected = Map.ofEntries(Map.entry("id", "BIGINT"), Map.entry("big", "BIGINT"),
                Map.entry("ratio", "DOUBLE"), Map.entry("day", "DATE"), Map.entry("seen_at", "TIMESTAMP WITH TIME ZONE"),
                Map.entry("seen_at_tz", "TIMESTAMP WITH TIME ZONE"), Map.entry("clock", "TIME"), Map.entry("name", "VARCHAR"),
                Map.entry("raw", "BLOB"), Map.entry("even", "BOOLEAN"), Map.entry("profile__country", "VARCHAR"),
                Map.entry("profile__rating__blitz", "BIGINT"));
        expected.forEach((column, type) -> {
            try {
                assertEquals(type, columnType("ds", "orders", column), column);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(columnType("ds", "orders", "amount").startsWith("DECIMAL"), columnType("ds", "orders", "amount"));
        assertFalse(columns("ds", "orders").contains("nothing"), "an all-null column makes no column, as in JSON");
        assertFalse(columns("ds", "orders").contains("tags"), "a list is a child table");

        List<Object> row = rows("SELECT id, big, ratio, amount, day, name, even, profile__country, profile__rating__blitz"
                + " FROM ds.orders WHERE id = 2").get(0);
        assertEquals(List.of(2L, 20L, 0.5), row.subList(0, 3));
        assertEquals(0, new BigDecimal("2.50").compareTo((BigDecimal) row.get(3)));
        assertEquals(LocalDate.of(2024, 3, 1), LocalDate.parse(row.get(4).toString()));
        assertEquals(List.of("name 2", true, "NO", 3002L), row.subList(5, 9));
        assertEquals(OffsetDateTime.parse("2024-01-01T12:00:00Z").toInstant(),
                ((OffsetDateTime) one("SELECT seen_at FROM ds.orders WHERE id = 2")).toInstant());
        assertEquals("10:30:00", one("SELECT CAST(clock AS VARCHAR) FROM ds.orders WHERE id = 2"));
        assertEquals("b2", one("SELECT CAST(raw AS VARCHAR) FROM ds.orders WHERE id = 2"));
        assertEquals(List.of("2", "3"), column("SELECT t.value FROM ds.orders o JOIN ds.orders__tags t"
                + " ON t._dlt_parent_id = o._dlt_id WHERE o.id = 2 ORDER BY t._dlt_list_idx"));
    }

    @Test
    void parquetRowsNormalizeLikeTheSameJson() throws Exception {
        Path file = parquet("nested.parquet", "SELECT 1 AS id, {'a': 1, 'b': {'c': 'x'}} AS s, [{'n': 1}, {'n': 2}] AS l,"
                + " MAP {'k': 5} AS m");
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.pq");
        load("LOAD PIPELINE p FROM JSON '{\"id\": 1, \"s\": {\"a\": 1, \"b\": {\"c\": \"x\"}}, \"l\": [{\"n\": 1}, {\"n\": 2}],"
                + " \"m\": {\"k\": 5}}' INTO ds.js");
        assertEquals(columns("ds", "js"), columns("ds", "pq"));
        assertEquals(columns("ds", "js__l"), columns("ds", "pq__l"));
        assertEquals(rows("SELECT id, s__a, s__b__c, m__k FROM ds.js"), rows("SELECT id, s__a, s__b__c, m__k FROM ds.pq"));
    }

    @Test
    void formatParquetReadsAFileWithAnotherExtension() throws Exception {
        Path file = parquet("export.data", "SELECT 7 AS id");
        load("LOAD PIPELINE p FROM " + lit(file) + " FORMAT parquet WITH (dataset_name = 'ds')");
        assertEquals(List.of("7"), column("SELECT id FROM ds.export"));
    }

    @Test
    void globOfParquetFilesLoadsThemAll() throws Exception {
        parquet("parts/a.parquet", "SELECT i AS id FROM range(0, 3) r(i)");
        parquet("parts/b.parquet", "SELECT i AS id FROM range(3, 5) r(i)");
        load("LOAD PIPELINE p FROM " + lit(dir.resolve("parts") + "/*.parquet") + " INTO ds.parts");
        assertEquals(List.of("0", "1", "2", "3", "4"), column("SELECT id FROM ds.parts ORDER BY id"));
    }

    @Test
    void manyRowsAreStreamed() throws Exception {
        Path file = parquet("many.parquet", "SELECT i AS id, 'row ' || i AS label FROM range(250000) r(i)");
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.many");
        assertEquals(250000, count("ds.many"));
        assertEquals(249999L, ((Number) one("SELECT max(id) FROM ds.many")).longValue());
    }

    @Test
    void parquetUrlIsDownloadedLoadedAndItsTemporaryCopyDeleted() throws Exception {
        byte[] body = Files.readAllBytes(parquet("remote.parquet", TYPED_ROWS));
        HttpServer server = serve("/files/remote.parquet", body, "application/octet-stream");
        List<Path> before = temporaryParquetFiles();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/remote.parquet";
            load("LOAD PIPELINE p FROM " + lit(url) + " WITH (dataset_name = 'ds')");
        } finally {
            server.stop(0);
        }
        assertEquals(2, count("ds.remote"));
        assertEquals("NO", one("SELECT profile__country FROM ds.remote WHERE id = 1"));
        assertEquals(before, temporaryParquetFiles());
    }

    @Test
    void brokenParquetUrlNamesTheMaskedUrlNotTheTemporaryFile() throws Exception {
        HttpServer server = serve("/files/broken.parquet", "not parquet at all".getBytes(), "application/octet-stream");
        List<Path> before = temporaryParquetFiles();
        try {
            String url = "http://bob:hunter2@127.0.0.1:" + server.getAddress().getPort() + "/files/broken.parquet?token=K9";
            SQLException e = loadFails("LOAD PIPELINE p FROM " + lit(url) + " INTO ds.broken");
            assertEquals("22000", e.getSQLState());
            assertTrue(e.getMessage().contains("/files/broken.parquet"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("K9"), e.getMessage());
            assertFalse(e.getMessage().contains("dlt-jdbc-"), e.getMessage());
        } finally {
            server.stop(0);
        }
        assertEquals(before, temporaryParquetFiles());
    }

    @Test
    void gzippedParquetIsAClearError() throws Exception {
        Path file = parquet("x.parquet", "SELECT 1 AS id");
        Path gz = dir.resolve("x.parquet.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(file));
        }
        SQLException e = loadFails("LOAD PIPELINE p FROM " + lit(gz) + " INTO ds.x");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("x.parquet.gz is gzip-compressed parquet"), e.getMessage());
        Files.move(gz, dir.resolve("renamed.parquet"));
        e = loadFails("LOAD PIPELINE p FROM " + lit(dir.resolve("renamed.parquet")) + " INTO ds.x");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("gunzip"), e.getMessage());
    }

    @Test
    void fileThatIsNotParquetNamesTheFile() throws Exception {
        Path file = write("fake.parquet", "{\"id\": 1}\n");
        SQLException e = loadFails("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.fake");
        assertEquals("22000", e.getSQLState());
        assertTrue(e.getMessage().startsWith("cannot read " + file + " as parquet: "), e.getMessage());
    }

    private static HttpServer serve(String path, byte[] body, String contentType) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static List<Path> temporaryParquetFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("dlt-jdbc-")
                    && f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
