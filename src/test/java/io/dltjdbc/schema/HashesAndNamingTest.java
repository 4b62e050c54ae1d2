package io.dltjdbc.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HashesAndNamingTest {
    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void shake128OfEmptyInputMatchesFips202Vector() {
        assertEquals("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26",
            hex(Shake128.digest(new byte[0], 32)));
    }

    @Test
    void shake128AcrossTheRateBoundaryMatchesPythonHashlib() {
        // hashlib.shake_128(b"a" * 200).hexdigest(16): 200 bytes span two 168-byte blocks
        assertEquals("70ac9b97e891be583e08929ce4cce50d",
            hex(Shake128.digest("a".repeat(200).getBytes(StandardCharsets.UTF_8), 16)));
    }

    @Test
    void shake128SqueezesMoreThanOneBlock() {
        byte[] long400 = Shake128.digest(new byte[0], 400);
        assertArrayEquals(Shake128.digest(new byte[0], 32), java.util.Arrays.copyOf(long400, 32));
    }

    @Test
    void childRowIdsMatchDltVectors() {
        assertEquals("ivYBBWB80RQZmg", DltIds.childId("abc", "t__xs", 0));
        assertEquals("YW5lEogX6EQHlw", DltIds.childId("abc", "t__xs", 1));
    }

    @Test
    void keyHashOfIdOneMatchesDltVector() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("id", 1);
        assertEquals("z5jIxXIbUnmbKw", DltIds.digest(Values.toJson(key, true)));
    }

    @Test
    void randomRootIdsAreFourteenBase64Characters() {
        String id = new DltIds(42).randomId();
        assertEquals(14, id.length());
        assertTrue(id.matches("[A-Za-z0-9+/]{14}"), id);
    }

    @Test
    void identifiersFollowSnakeCase() {
        NamingConvention n = new NamingConvention(63);
        assertEquals("get_http_response_code", n.normalizeIdentifier("getHTTPResponseCode"));
        assertEquals("ba_na_na", n.normalizeIdentifier("BANaNA"));
        assertEquals("x", n.normalizeIdentifier("ÄÖ"));
        assertEquals("aid", n.normalizeIdentifier("@id"));
        assertEquals("_1", n.normalizeIdentifier("-1"));
        assertEquals("_1st", n.normalizeIdentifier("1st"));
        assertEquals("namex", n.normalizeIdentifier("name_"));
        assertThrows(IllegalArgumentException.class, () -> n.normalizeIdentifier("   "));
    }

    @Test
    void pathsDropEmptyPartsAndKeepSeparators() {
        NamingConvention n = new NamingConvention(63);
        assertEquals("banana", n.normalizePath("BANANA____"));
        assertEquals("name", n.normalizePath("__name"));
        assertEquals("a__b", n.normalizePath("a__b"));
        assertEquals("profile__country", n.makePath("profile", "country"));
    }

    @Test
    void shorteningKeepsHeadAndTailAroundAPythonCompatibleTag() {
        NamingConvention n = new NamingConvention(63);
        String shortened = n.normalizePath("x".repeat(70));
        assertEquals("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxuaqhmqxxxxxxxxxxxxxxxxxxxxxxxxxxxx", shortened);
        assertEquals(63, shortened.length());
        assertEquals("t__xxxxxxxxxxxxxxxxxxxxxxxxxxt0b5zwxxxxxxxxxxxxxxxxxxxxxxxxxxxx", n.makePath("t", shortened));
        assertEquals("short", new NamingConvention(65536).shorten("short"));
    }

    @Test
    void typeNamesAcceptSqlAliasesAndRejectUnknownOnesListingValidOnes() {
        assertEquals(DltType.TEXT, DltType.fromName("varchar"));
        assertEquals(DltType.BIGINT, DltType.fromName("INTEGER"));
        assertEquals(DltType.TIMESTAMP, DltType.fromName("timestamptz"));
        assertEquals(DltType.BINARY, DltType.fromName("blob"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DltType.fromName("uuidx"));
        assertTrue(e.getMessage().contains("text, bigint, double"), e.getMessage());
    }

    @Test
    void columnHintsParseTypesPrecisionAndFlags() {
        ColumnHints hints = ColumnHints.parse(
            "id bigint not null, ts timestamp, amount decimal(10,2), region text partition, score double cluster");
        List<ColumnHints.Hint> h = hints.hints();
        assertEquals(5, h.size());
        assertEquals(Boolean.FALSE, h.get(0).nullable());
        assertEquals(DltType.DECIMAL, h.get(2).type());
        assertEquals(10, h.get(2).precision());
        assertEquals(2, h.get(2).scale());
        assertEquals(Map.of("partition", "true"), h.get(3).flags());
        assertEquals(Map.of("cluster", "true"), h.get(4).flags());
    }

    @Test
    void columnHintsRejectBadSyntaxPrecisely() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnHints.parse("a foo"))
            .getMessage().contains("column 'a'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnHints.parse("a decimal(10,2"))
            .getMessage().contains("unbalanced"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnHints.parse("a text, , b text"))
            .getMessage().contains("empty column definition"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnHints.parse("a text banana"))
            .getMessage().contains("unexpected 'banana'"));
    }

    @Test
    void enumsParseDltNames() {
        assertEquals(MergeStrategy.DELETE_INSERT, MergeStrategy.fromName("delete-insert"));
        assertEquals(SchemaContract.DISCARD_ROW, SchemaContract.fromName("discard_row"));
        assertEquals(WriteDisposition.MERGE, WriteDisposition.fromName("merge"));
        assertThrows(IllegalArgumentException.class, () -> SchemaContract.fromName("loose"));
    }

    @Test
    void typedValuesKeepTheirTypesAndTimestampsBecomeUtc() throws Exception {
        Schema schema = new Schema("s");
        Normalizer normalizer = new Normalizer(schema, "t", NormalizerOptions.defaults(), new NamingConvention(63), "L");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("d", LocalDate.of(2024, 1, 2));
        item.put("tm", LocalTime.of(10, 0));
        item.put("ts", LocalDateTime.of(2024, 1, 2, 3, 4));
        item.put("ots", OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHours(2)));
        item.put("dec", new BigDecimal("1.50"));
        item.put("bin", new byte[] {1, 2});
        item.put("uuid", UUID.fromString("00000000-0000-0000-0000-000000000001"));
        item.put("sqlts", java.sql.Timestamp.from(java.time.Instant.EPOCH));
        List<Map<String, Object>> rows = new ArrayList<>();
        normalizer.normalize(item, (table, row) -> rows.add(row));
        Table t = schema.table("t");
        assertEquals(List.of("d date", "tm time", "ts timestamp", "ots timestamp", "dec decimal", "bin binary",
                "uuid text", "sqlts timestamp", "_dlt_load_id text", "_dlt_id text"),
            t.columns().stream().map(c -> c.name() + " " + c.type().dltName()).toList());
        Map<String, Object> row = rows.get(0);
        assertEquals(OffsetDateTime.of(2024, 1, 2, 1, 4, 0, 0, ZoneOffset.UTC), row.get("ots"));
        assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC), row.get("ts"));
        assertEquals("00000000-0000-0000-0000-000000000001", row.get("uuid"));
        assertEquals(new BigDecimal("1.50"), row.get("dec"));
    }

    @Test
    void schemaRoundTripsThroughJsonAndTracksChanges() throws Exception {
        Schema schema = new Schema("chess");
        NormalizerOptions options = NormalizerOptions.defaults()
            .withColumnHints(ColumnHints.parse("region text partition"));
        Normalizer normalizer = new Normalizer(schema, "games", options, new NamingConvention(63), "L1");
        normalizer.normalize(Map.of("a", 1, "xs", List.of(1)), (table, row) -> { });
        assertTrue(normalizer.schemaChanged());
        assertEquals(2, schema.version(), "bumped once per load");
        assertEquals(List.of("create table games", "add column games.region text partition"),
            normalizer.schemaChanges().subList(0, 2).stream().map(c -> c.action() == SchemaChange.Action.CREATE_TABLE
                ? c.toString() : "add column games." + c.column().name() + " " + c.column().type().dltName() + " "
                + String.join(" ", c.column().hints().keySet())).toList());
        String json = schema.toJson();
        Schema back = Schema.fromJson(json);
        assertEquals(json, back.toJson());
        assertEquals(schema.versionHash(), back.versionHash());
        assertEquals(List.of("games__xs"), back.children("games").stream().map(Table::name).toList());
        Schema copy = schema.copy();
        Normalizer second = new Normalizer(copy, "games", options, new NamingConvention(63), "L2");
        second.normalize(Map.of("a", 2), (table, row) -> { });
        assertEquals(false, second.schemaChanged());
        assertEquals(2, copy.version());
        second.normalize(Map.of("b", 2), (table, row) -> { });
        assertEquals(3, copy.version());
        assertEquals(2, schema.version(), "a copy is independent");
    }

    @Test
    void rowsAreEmittedAfterTheSchemaKnowsTheirColumns() throws Exception {
        Schema schema = new Schema("s");
        Normalizer normalizer = new Normalizer(schema, "t", NormalizerOptions.defaults(), new NamingConvention(63), "L");
        normalizer.normalize(Map.of("a", 1, "xs", List.of(Map.of("b", 2))), (table, row) -> {
            for (String column : row.keySet()) {
                assertTrue(schema.table(table).column(column) != null, table + "." + column);
            }
        });
        assertEquals(1, normalizer.rowsEmitted("t__xs"));
    }

    @Test
    void corpusHasAtLeastSixtyCases() throws Exception {
        assertTrue(NormalizerCorpusTest.caseCount() >= 60);
    }
}
