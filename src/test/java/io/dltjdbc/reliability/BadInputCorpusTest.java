package io.dltjdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bad-input corpus: every malformed input fails with an SQLException naming the file and the line (or
 * row) and a standard SQLState, the JVM stays healthy (no StackOverflowError or OutOfMemoryError escapes:
 * {@code assertThrows(SQLException.class)} would let them fail the test), and the dataset, {@code _dlt_loads}
 * included, is exactly as before; inputs that dlt accepts load with dlt's documented result.
 */
@ParameterizedClass
@EnumSource(ReliabilitySupport.Target.class)
class BadInputCorpusTest extends ReliabilitySupport {

    BadInputCorpusTest(Target target) {
        super(target);
    }

    @BeforeEach
    void loadSomething() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"v\":\"a\",\"xs\":[1]},{\"id\":2,\"v\":\"b\",\"xs\":[2]}]' INTO " + ds + ".t");
    }

    String from(Path file) {
        return "LOAD PIPELINE p FROM " + lit(file) + " INTO " + ds + ".t";
    }

    static void assertMessage(SQLException e, String state, String... parts) {
        assertEquals(state, e.getSQLState(), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void truncatedJsonDocumentNamesFileAndLine() throws Exception {
        Path file = write("cut.json", "[{\"id\":3,\"v\":\"c\"},\n{\"id\":4,\"v\":");
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22032", "cut.json", "line 2");

        write("cut.json", "[{\"id\":3,\"v\":\"c\"},\n{\"id\":4,\"v\":\"d\"}]");
        load(from(file));
        assertEquals(4, count("t"));
    }

    @Test
    void truncatedJsonLinesLastLineNamesTheLine() throws Exception {
        Path file = write("cut.jsonl", "{\"id\":3}\n{\"id\":4}\n{\"id\":5,\"v\":\"e");
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22032", "cut.jsonl", "line 3");
    }

    @Test
    void invalidUtf8InJsonLinesNamesTheLine() throws Exception {
        Path file = write("latin1.jsonl", concat("{\"id\":3}\n{\"id\":4}\n{\"id\":5,\"v\":\"caf", new byte[] {(byte) 0xE9},
                "\"}\n"));
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22P02", "latin1.jsonl", "line 3", "UTF-8");
    }

    @Test
    void invalidUtf8InJsonDocumentNamesTheLine() throws Exception {
        Path file = write("latin1.json", concat("[{\"id\":3},\n{\"id\":4,\"v\":\"caf", new byte[] {(byte) 0xE9}, "\"}]"));
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22P02", "latin1.json", "line 2", "UTF-8");
    }

    @Test
    void invalidUtf8InCsvNamesTheLine() throws Exception {
        Path file = write("latin1.csv", concat("id,v\n3,x\n4,caf", new byte[] {(byte) 0xE9}, "\n"));
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22P02", "latin1.csv", "line 3", "UTF-8");
    }

    @Test
    void raggedCsvRowNamesRowAndLine() throws Exception {
        Path file = write("ragged.csv", "id,v\n3,c\n4,d,extra\n5,e\n");
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22000", "ragged.csv", "row 3", "line 3", "expected 2 fields", "found 3");

        Path short_ = write("short.csv", "id,v\n3,c\n4\n");
        assertMessage(failsLeavingEverythingAsItWas(from(short_)), "22000", "short.csv", "row 3", "found 1");
    }

    @Test
    void unterminatedCsvQuoteNamesTheRow() throws Exception {
        Path file = write("quote.csv", "id,v\n3,\"never closed\n4,d\n");
        assertMessage(failsLeavingEverythingAsItWas(from(file)), "22000", "quote.csv", "row 2", "unterminated");
    }

    @Test
    void emptyFilesLoadNothingAndLoseNothing() throws Exception {
        for (String name : List.of("empty.jsonl", "empty.json", "empty.csv", "blank.jsonl")) {
            Path file = write(name, name.startsWith("blank") ? "\n\n  \n" : "");
            load(from(file));
            assertEquals(2, count("t"), name);
            assertEquals(List.of("a", "b"), strings("SELECT v FROM " + ds + ".t ORDER BY id"), name);
        }
    }

    @Test
    void binaryGarbageIsRejectedWithoutLoadingAnything() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = 0x07; // not a gzip header, not '[' or '{'
        for (String name : List.of("garbage.jsonl", "garbage.json", "garbage.csv", "garbage.bin")) {
            Path file = write(name, garbage);
            SQLException e = failsLeavingEverythingAsItWas(from(file));
            assertTrue(List.of("22032", "22P02", "22000", "22023").contains(e.getSQLState()), name + ": " + e.getSQLState()
                    + " " + e.getMessage());
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void corruptGzipIsRejected() throws Exception {
        byte[] gz = new byte[512];
        new Random(7).nextBytes(gz);
        gz[0] = 0x1f;
        gz[1] = (byte) 0x8b;
        gz[2] = 8;
        gz[3] = 0;
        Path file = write("broken.jsonl.gz", gz);
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22000", "broken.jsonl.gz", "corrupt");
    }

    @Test
    void tenThousandNestedObjectsAreRejectedWithoutBlowingTheStack() throws Exception {
        StringBuilder json = new StringBuilder("{\"id\":3,\"v\":\"c\"}\n{\"id\":4,\"deep\":");
        json.append("{\"a\":".repeat(10_000)).append("1").append("}".repeat(10_000)).append("}\n");
        Path file = write("deep.jsonl", json.toString());
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22032", "deep.jsonl", "line 2", "nesting depth exceeds 1000 levels");
    }

    @Test
    void tenThousandNestedListsAreRejectedWithoutBlowingTheStack() throws Exception {
        String json = "[{\"id\":3,\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}]";
        Path file = write("deep.json", json);
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22032", "deep.json", "line 1", "nesting depth");
    }

    @Test
    void inlineJsonNestedTenThousandDeepIsRejected() throws Exception {
        String json = "{\"id\":3,\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        SQLException e = failsLeavingEverythingAsItWas("LOAD PIPELINE p FROM JSON " + lit(json) + " INTO " + ds + ".t");
        assertMessage(e, "22032", "inline JSON", "nesting depth");
    }

    @Test
    void deepButAcceptedNestingLoadsOrFailsCleanly() throws Exception {
        // just inside the reader's limit (1000): objects flatten into one long column path (shortened on
        // Postgres), lists become child tables down to max_table_nesting and then one json value
        int depth = 990;
        String objects = "{\"id\":3,\"deep\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
        load("LOAD PIPELINE p FROM JSON " + lit(objects) + " INTO " + ds + ".t");
        assertEquals(3, count("t"));
        String lists = "{\"id\":4,\"deep\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}";
        load("LOAD PIPELINE p FROM JSON " + lit(lists) + " INTO " + ds + ".t WITH (max_table_nesting = 3)");
        assertEquals(4, count("t"));
    }

    @Test
    void duplicateKeysKeepTheLastValueAsPythonDoes() throws Exception {
        Path file = write("dup.jsonl", "{\"id\":3,\"v\":\"first\",\"v\":\"last\"}\n");
        load(from(file));
        assertEquals("last", one("SELECT v FROM " + ds + ".t WHERE id = 3"));
        assertEquals(List.of("id", "v", "_dlt_load_id", "_dlt_id"), columns("t"));
    }

    @Test
    void nanAndInfinityLiteralsAreMalformedJson() throws Exception {
        for (String literal : List.of("NaN", "Infinity", "-Infinity")) {
            Path file = write("nan.jsonl", "{\"id\":3}\n{\"id\":4,\"x\":" + literal + "}\n");
            SQLException e = failsLeavingEverythingAsItWas(from(file));
            assertMessage(e, "22032", "nan.jsonl", "line 2");
        }
    }

    @Test
    void stringsInANumericColumnGoToTheVariantColumn() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":\"7\"},{\"id\":\"seven\"},{\"id\":\"0x10\"}]' INTO " + ds + ".t");
        assertEquals(java.util.Arrays.asList("1", "2", "7", "16", null), strings("SELECT id FROM " + ds + ".t ORDER BY id NULLS LAST"));
        assertEquals("seven", one("SELECT id__v_text FROM " + ds + ".t WHERE id IS NULL"));
    }

    @Test
    void fractionInABigintColumnGoesToADoubleVariant() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\":3.0},{\"id\":4.5}]' INTO " + ds + ".t");
        assertEquals(java.util.Arrays.asList("1", "2", "3", null), strings("SELECT id FROM " + ds + ".t ORDER BY id NULLS LAST"));
        assertEquals(4.5, ((Number) one("SELECT id__v_double FROM " + ds + ".t WHERE id IS NULL")).doubleValue());
    }

    @Test
    void integerBeyondBigintGoesToADecimalVariant() throws Exception {
        // a Python int has no bound; beyond 64 bits only a decimal can hold it, so a bigint column gets id__v_decimal
        String big = "123456789012345678901234567";
        load("LOAD PIPELINE p FROM JSON '[{\"id\":" + big + "}]' INTO " + ds + ".t");
        assertEquals(3, count("t"));
        assertEquals(big, new java.math.BigDecimal(one("SELECT id__v_decimal FROM " + ds + ".t WHERE id IS NULL").toString())
                .toBigInteger().toString());
    }

    @Test
    void integerBeyondDecimal38FailsWholeAndNamesTheTable() throws Exception {
        String huge = "1" + "0".repeat(45);
        SQLException e = failsLeavingEverythingAsItWas("LOAD PIPELINE p FROM JSON '[{\"id\":5},{\"id\":" + huge + "}]' INTO "
                + ds + ".t");
        assertTrue(e.getSQLState().startsWith("22"), e.getSQLState() + " " + e.getMessage());
        assertTrue(e.getMessage().contains("t"), e.getMessage());
    }

    @Test
    void doubleBeyondItsRangeIsNotSilentlyLoadedAsInfinity() throws Exception {
        Path file = write("huge.jsonl", "{\"id\":3,\"x\":1.5}\n{\"id\":4,\"x\":1e400}\n");
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22032", "huge.jsonl", "line 2", "out of range of a double");
    }

    @Test
    void hundredMegabyteLineLoadsOrFailsCleanly() throws Exception {
        int size = 100 * 1024 * 1024;
        byte[] line = new byte[size + 64];
        byte[] head = "{\"id\":3,\"blob\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, line, 0, head.length);
        java.util.Arrays.fill(line, head.length, head.length + size, (byte) 'x');
        // truncated: the closing quote never comes
        Path file = write("huge_line.jsonl", java.util.Arrays.copyOf(line, head.length + size));
        line = null;
        SQLException e = failsLeavingEverythingAsItWas(from(file));
        assertMessage(e, "22032", "huge_line.jsonl", "line 1");
        assertTrue(e.getMessage().length() < 2000, "the message does not echo the line");
    }

    static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }
}
