package io.dltjdbc.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReadersTest {
    static Path data;
    static LoopbackServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        data = Path.of(SourceReadersTest.class.getResource("/sources").toURI());
        server = new LoopbackServer();
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    static List<Object> readAll(RowReader r) throws SQLException {
        try (r) {
            List<Object> out = new ArrayList<>();
            for (Object o = r.next(); o != null; o = r.next()) out.add(o);
            return out;
        }
    }

    static List<Object> read(String location) throws SQLException {
        return readAll(SourceReaders.open(location, null, data, HTTP));
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(b)) {
            z.write(bytes);
        }
        return b.toByteArray();
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void jsonlYieldsOneItemPerLineSkippingBlankLines() throws Exception {
        RowReader r = SourceReaders.open("orders.jsonl", null, data, HTTP);
        assertEquals(Map.of("id", 1L, "name", "a"), r.next());
        assertEquals("orders.jsonl line 1", r.position());
        Map<?, ?> second = (Map<?, ?>) r.next();
        assertEquals(List.of("x", "y"), second.get("tags"));
        assertEquals("orders.jsonl line 3", r.position());
        Map<?, ?> third = (Map<?, ?>) r.next();
        assertEquals("orders.jsonl line 5", r.position());
        assertTrue(((Map<?, ?>) third.get("nested")).containsKey("k"));
        assertNull(r.next());
        assertEquals(Files.size(data.resolve("orders.jsonl")), r.bytesRead());
        r.close();
    }

    @Test
    void jsonArrayStreamsElementsWithPythonLikeTypes() throws Exception {
        RowReader r = SourceReaders.open("items.json", null, data, HTTP);
        Map<?, ?> a = (Map<?, ?>) r.next();
        assertEquals(1.5, a.get("v"));
        assertEquals("items.json item 1", r.position());
        assertEquals(new BigInteger("12345678901234567890123"), ((Map<?, ?>) r.next()).get("v"));
        Map<?, ?> c = (Map<?, ?>) r.next();
        assertEquals(List.of("id", "v", "w"), new ArrayList<>(c.keySet()), "duplicate key keeps first position");
        assertEquals(8L, c.get("v"), "duplicate key: last value wins");
        assertEquals(Boolean.FALSE, c.get("w"));
        assertEquals("items.json item 3", r.position());
        assertNull(r.next());
        r.close();
    }

    @Test
    void jsonObjectIsOneItem() throws Exception {
        List<Object> items = read("one.json");
        assertEquals(1, items.size());
        assertEquals(List.of(3200L, 3300L), ((Map<?, ?>) items.get(0)).get("ratings"));
    }

    @Test
    void unknownFileExtensionIsAnErrorAskingForFormat() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> read("ndjson.txt"));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().startsWith("cannot tell the format of ndjson.txt from its extension '.txt';"
                + " add FORMAT jsonl|json|csv|parquet"), e.getMessage());
        Files.writeString(tmp.resolve("noext"), "{\"a\": 1}\n");
        e = assertThrows(SQLException.class, () -> SourceReaders.open("noext", null, tmp, HTTP));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("from its name (no extension)"), e.getMessage());
        e = assertThrows(SQLException.class, () -> SourceReaders.open("missing.txt", null, tmp, HTTP));
        assertEquals("58P01", e.getSQLState(), "a missing file is reported before its format");
    }

    @Test
    void givenFormatReadsAFileWithAnUnknownExtension() throws Exception {
        assertEquals(2, readAll(SourceReaders.open("ndjson.txt", "jsonl", data, HTTP)).size());
    }

    @Test
    void knownExtensionsAndTheirGzipFormsNeedNoFormat() throws Exception {
        byte[] lines = "{\"a\": 1}\n{\"a\": 2}\n".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("x.jsonl", "x.ndjson", "x.json", "X.JSONL")) {
            Files.write(tmp.resolve(name), lines);
            Files.write(tmp.resolve(name + ".gz"), gzip(lines));
            assertEquals(2, readAll(SourceReaders.open(name, null, tmp, HTTP)).size(), name);
            assertEquals(2, readAll(SourceReaders.open(name + ".gz", null, tmp, HTTP)).size(), name + ".gz");
        }
        Files.write(tmp.resolve("x.csv.gz"), gzip("a\n1\n2\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, readAll(SourceReaders.open("x.csv.gz", null, tmp, HTTP)).size());
    }

    @Test
    void explicitFormatOverridesExtension() throws Exception {
        SQLException e = assertThrows(SQLException.class,
                () -> readAll(SourceReaders.open("quoted.csv", "jsonl", data, HTTP)));
        assertEquals("22032", e.getSQLState());
    }

    @Test
    void csvHandlesQuotesEscapesNewlinesAndEmptyFields() throws Exception {
        RowReader r = SourceReaders.open("quoted.csv", null, data, HTTP);
        Map<?, ?> one = (Map<?, ?>) r.next();
        assertEquals(List.of("id", "name", "comment", "empty"), new ArrayList<>(one.keySet()));
        assertEquals("Smith, John", one.get("name"));
        assertEquals("He said \"hi\"", one.get("comment"));
        assertNull(one.get("empty"), "empty unquoted field is null");
        assertTrue(one.containsKey("empty"));
        assertEquals("quoted.csv row 2", r.position());
        Map<?, ?> two = (Map<?, ?>) r.next();
        assertEquals("line one\nline two", two.get("comment"));
        assertEquals("", two.get("empty"), "quoted empty field is the empty string");
        Map<?, ?> three = (Map<?, ?>) r.next();
        assertEquals("3", three.get("id"));
        assertNull(three.get("name"));
        assertEquals("quoted.csv row 4", r.position());
        assertNull(r.next());
        r.close();
    }

    @Test
    void csvByteOrderMarkIsDropped() throws Exception {
        assertEquals(List.of(Map.of("a", "1", "b", "2")), read("bom.csv"));
    }

    @Test
    void raggedCsvRowNamesFileRowAndFieldCounts() {
        SQLException e = assertThrows(SQLException.class, () -> read("ragged.csv"));
        assertTrue(e.getMessage().contains("ragged.csv row 3"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 3 fields"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2"), e.getMessage());
    }

    @Test
    void unterminatedCsvQuoteIsAnError() throws Exception {
        Files.writeString(tmp.resolve("open.csv"), "a,b\n1,\"never closed\n");
        SQLException e = assertThrows(SQLException.class,
                () -> readAll(SourceReaders.open("open.csv", null, tmp, HTTP)));
        assertTrue(e.getMessage().contains("unterminated quoted field in open.csv row 2"), e.getMessage());
    }

    @Test
    void gzipFileIsDecompressed() throws Exception {
        Files.write(tmp.resolve("orders.jsonl.gz"), gzip(Files.readAllBytes(data.resolve("orders.jsonl"))));
        List<Object> items = readAll(SourceReaders.open("orders.jsonl.gz", null, tmp, HTTP));
        assertEquals(3, items.size());
    }

    @Test
    void globReadsMatchingFilesInSortedOrderSkippingHiddenFiles() throws Exception {
        RowReader r = SourceReaders.open("glob/*.jsonl", null, data, HTTP);
        List<Object> fs = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        for (Object o = r.next(); o != null; o = r.next()) {
            fs.add(((Map<?, ?>) o).get("f"));
            positions.add(r.position());
        }
        r.close();
        assertEquals(List.of("a1", "a2", "b1", "c1"), fs);
        assertEquals("glob/a.jsonl line 2", positions.get(1).replace('\\', '/'));
        assertEquals(Files.size(data.resolve("glob/a.jsonl")) + Files.size(data.resolve("glob/b.jsonl"))
                + Files.size(data.resolve("glob/c.jsonl")), r.bytesRead());
    }

    @Test
    void doubleStarGlobIncludesSubdirectoriesAndTheTopLevel() throws Exception {
        List<Object> fs = new ArrayList<>();
        for (Object o : read("glob/**/*.jsonl")) fs.add(((Map<?, ?>) o).get("f"));
        assertEquals(List.of("a1", "a2", "b1", "c1", "sub1"), fs);
    }

    @Test
    void globWithoutMatchNamesPatternAndDirectory() {
        SQLException e = assertThrows(SQLException.class, () -> read("glob/*.parquet"));
        assertEquals("58P01", e.getSQLState());
        assertEquals("no file matches 'glob/*.parquet' (looked in " + data.resolve("glob").toAbsolutePath().normalize()
                + ")", e.getMessage());
    }

    @Test
    void missingFileNamesAbsolutePath() {
        SQLException e = assertThrows(SQLException.class, () -> read("nope/missing.jsonl"));
        assertEquals("58P01", e.getSQLState());
        assertTrue(e.getMessage().contains(data.resolve("nope/missing.jsonl").toAbsolutePath().toString()),
                e.getMessage());
    }

    @Test
    void fileUriIsRead() throws Exception {
        assertEquals(3, read(data.resolve("orders.jsonl").toUri().toString()).size());
    }

    @Test
    void parquetYieldsRowsWithTheValuesTheJsonReadersGive() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
            s.execute("COPY (SELECT 1::INTEGER AS id, 1.5::DOUBLE AS d, 2.50::DECIMAL(5, 2) AS amount, DATE '2024-01-02' AS day,"
                    + " 'x' AS name, {'a': 1::TINYINT} AS s, [1, 2] AS l) TO '" + tmp.resolve("t.parquet") + "' (FORMAT parquet)");
        }
        RowReader r = SourceReaders.open("t.parquet", null, tmp, HTTP);
        Map<?, ?> row = (Map<?, ?>) r.next();
        assertEquals("t.parquet row 1", r.position());
        assertEquals(List.of("id", "d", "amount", "day", "name", "s", "l"), new ArrayList<>(row.keySet()));
        assertEquals(1L, row.get("id"));
        assertEquals(1.5, row.get("d"));
        assertEquals(new BigDecimal("2.50"), row.get("amount"));
        assertEquals(LocalDate.of(2024, 1, 2), row.get("day"));
        assertEquals("x", row.get("name"));
        assertEquals(Map.of("a", 1L), row.get("s"));
        assertEquals(List.of(1L, 2L), row.get("l"));
        assertNull(r.next());
        assertEquals(Files.size(tmp.resolve("t.parquet")), r.bytesRead());
        r.close();
    }

    @Test
    void emptyFilesYieldNoItems() throws Exception {
        Files.writeString(tmp.resolve("e.json"), "  \n");
        Files.writeString(tmp.resolve("e.csv"), "");
        Files.writeString(tmp.resolve("h.csv"), "a,b\n");
        assertEquals(List.of(), read("empty.jsonl"));
        assertEquals(List.of(), readAll(SourceReaders.open("e.json", null, tmp, HTTP)));
        assertEquals(List.of(), readAll(SourceReaders.open("e.csv", null, tmp, HTTP)));
        assertEquals(List.of(), readAll(SourceReaders.open("h.csv", null, tmp, HTTP)));
    }

    @Test
    void inlineJsonArrayYieldsElementsAndObjectIsOneItem() throws Exception {
        RowReader r = SourceReaders.inlineJson("[{\"a\": 1}, {\"a\": 2}, 3]");
        r.next();
        r.next();
        assertEquals(3L, r.next());
        assertEquals("inline JSON item 3", r.position());
        assertNull(r.next());
        assertEquals(List.of(Map.of("a", 1L)), readAll(SourceReaders.inlineJson("{\"a\": 1}")));
    }

    @Test
    void malformedInlineJsonNamesItsPlace() {
        SQLException e = assertThrows(SQLException.class, () -> readAll(SourceReaders.inlineJson("[{\"a\": 1},\n {\"a\" 2}]")));
        assertEquals("22032", e.getSQLState());
        assertTrue(e.getMessage().startsWith("malformed JSON in inline JSON line 2 column"), e.getMessage());
    }

    @Test
    void malformedJsonlAtLine5001NamesFileLineAndColumn() throws Exception {
        Path f = tmp.resolve("data.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            for (int i = 1; i <= 5000; i++) w.write("{\"id\": " + i + ", \"name\": \"n" + i + "\"}\n");
            w.write("{\"id\": 5001, \"x\"}\n");
            w.write("{\"id\": 5002}\n");
        }
        RowReader r = SourceReaders.open("data.jsonl", null, tmp, HTTP);
        for (int i = 1; i <= 5000; i++) assertEquals((long) i, ((Map<?, ?>) r.next()).get("id"));
        SQLException e = assertThrows(SQLException.class, r::next);
        r.close();
        assertEquals("22032", e.getSQLState());
        assertTrue(e.getMessage().startsWith("malformed JSON in data.jsonl line 5001 column 17: Unexpected character ('}'"),
                e.getMessage());
    }

    @Test
    void malformedJsonArrayGivesLineAndColumn() throws Exception {
        Files.writeString(tmp.resolve("bad.json"), "[\n{\"a\": 1},\n{\"a\": tru}\n]");
        SQLException e = assertThrows(SQLException.class, () -> readAll(SourceReaders.open("bad.json", null, tmp, HTTP)));
        assertEquals("22032", e.getSQLState());
        assertTrue(e.getMessage().startsWith("malformed JSON in bad.json line 3 column"), e.getMessage());
    }

    @Test
    void invalidUtf8IsAnErrorNamingFileAndLine() throws Exception {
        byte[] good = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'3', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = Arrays.copyOf(good, good.length + bad.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(tmp.resolve("latin.csv"), all);
        Files.write(tmp.resolve("latin.jsonl"), "{\"a\": \"ok\"}\n{\"a\": \"\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        SQLException e = assertThrows(SQLException.class, () -> readAll(SourceReaders.open("latin.csv", null, tmp, HTTP)));
        assertEquals("22P02", e.getSQLState());
        assertTrue(e.getMessage().startsWith("invalid UTF-8 in latin.csv line 3"), e.getMessage());
        e = assertThrows(SQLException.class, () -> readAll(SourceReaders.open("latin.jsonl", null, tmp, HTTP)));
        assertTrue(e.getMessage().startsWith("invalid UTF-8 in latin.jsonl line 2"), e.getMessage());
    }

    @Test
    void fiftyMegabyteJsonlIsStreamed() throws Exception {
        Path f = tmp.resolve("big.jsonl");
        String pad = "x".repeat(400);
        long lines = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            while (written < 50L * 1024 * 1024) {
                String line = "{\"id\": " + lines + ", \"pad\": \"" + pad + "\", \"n\": [1, 2.5, null]}\n";
                w.write(line);
                written += line.length();
                lines++;
            }
        }
        long count = 0;
        try (RowReader r = SourceReaders.open("big.jsonl", null, tmp, HTTP)) {
            for (Object o = r.next(); o != null; o = r.next()) {
                assertEquals(count, ((Map<?, ?>) o).get("id"));
                count++;
            }
            assertEquals(Files.size(f), r.bytesRead());
        }
        assertEquals(lines, count);
        assertTrue(Files.size(f) >= 50L * 1024 * 1024);
    }

    @Test
    void urlJsonlIsRead() throws Exception {
        server.serve("/data/orders.jsonl", Files.readString(data.resolve("orders.jsonl")), "application/octet-stream");
        RowReader r = SourceReaders.open(server.url("/data/orders.jsonl"), null, data, HTTP);
        assertEquals(3, readAll(r).size());
        assertEquals(server.url("/data/orders.jsonl") + " line 5", r.position());
    }

    @Test
    void urlJsonFormatComesFromContentTypeOrSniffing() throws Exception {
        server.serve("/api/items", Files.readString(data.resolve("items.json")), "application/json");
        server.serve("/api/plain", "{\"a\": 1}\n{\"a\": 2}\n", "text/plain");
        server.serve("/api/csv", "a,b\n1,2\n", "text/csv; charset=utf-8");
        assertEquals(3, read(server.url("/api/items")).size());
        assertEquals(2, read(server.url("/api/plain")).size());
        assertEquals(List.of(Map.of("a", "1", "b", "2")), read(server.url("/api/csv")));
    }

    @Test
    void urlGzipContentEncodingAndGzipFileAreDecompressed() throws Exception {
        byte[] z = gzip(Files.readAllBytes(data.resolve("orders.jsonl")));
        server.serve("/enc/orders.jsonl", new LoopbackServer.Answer(200, z, "application/x-ndjson", "gzip"));
        server.serve("/file/orders.jsonl.gz", new LoopbackServer.Answer(200, z, "application/gzip", null));
        assertEquals(3, read(server.url("/enc/orders.jsonl")).size());
        assertEquals(3, read(server.url("/file/orders.jsonl.gz")).size());
    }

    @Test
    void url404IsNotFound() {
        SQLException e = assertThrows(SQLException.class, () -> read(server.url("/missing.json")));
        assertEquals("58P01", e.getSQLState());
        assertEquals("not found (HTTP 404): " + server.url("/missing.json"), e.getMessage());
    }

    @Test
    void urlServerErrorNamesStatus() {
        server.serve("/boom.json", new LoopbackServer.Answer(500, "oops".getBytes(), "text/plain", null));
        SQLException e = assertThrows(SQLException.class, () -> read(server.url("/boom.json")));
        assertEquals("HTTP 500 from " + server.url("/boom.json"), e.getMessage());
    }

    @Test
    void connectionRefusedIsUnableToConnect() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/x.jsonl";
        SQLException e = assertThrows(SQLException.class, () -> read(url));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().startsWith("cannot connect to " + url), e.getMessage());
    }

    @Test
    void unknownHostIsNamedAsTheReason() {
        String url = "http://nonexistent.invalid/x.jsonl";
        SQLException e = assertThrows(SQLException.class, () -> read(url));
        assertEquals("08001", e.getSQLState());
        assertEquals("cannot connect to " + url + ": unknown host nonexistent.invalid", e.getMessage());
    }

    @Test
    void urlPasswordAndTokenAreMaskedInErrorsAndPositions() throws Exception {
        String url = "http://alice:s3cr3t@127.0.0.1:" + closedPort() + "/x.jsonl?token=abc123&page=2";
        SQLException e = assertThrows(SQLException.class, () -> read(url));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(e.getMessage().contains("abc123"), e.getMessage());
        assertTrue(e.getMessage().contains("alice:***@127.0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("token=***&page=2"), e.getMessage());

        server.serve("/secret/x.jsonl", "{\"a\": 1}\n{\"a\" 2}\n", "application/x-ndjson");
        String live = server.url("/secret/x.jsonl").replace("http://", "http://bob:hunter2@") + "?api_key=K9";
        RowReader r = SourceReaders.open(live, null, data, HTTP);
        r.next();
        assertFalse(r.position().contains("hunter2") || r.position().contains("K9"), r.position());
        SQLException bad = assertThrows(SQLException.class, r::next);
        r.close();
        assertFalse(bad.getMessage().contains("hunter2") || bad.getMessage().contains("K9"), bad.getMessage());
        assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
    }
}
