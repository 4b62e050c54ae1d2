package io.dltjdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Table-driven cases from {@code src/test/resources/normalizer/cases/*.json}. Each file holds an array of cases:
 * {@code name, table, options, maxLength, loads (list of lists of items), expect {tables, warnings, error}}.
 * Expected tables list columns as {@code "name type"} in order (every column, dlt ones included) and rows
 * as objects; row keys {@code _dlt_id, _dlt_load_id, _dlt_parent_id, _dlt_root_id} are compared only when
 * the expected row names them.
 */
class NormalizerCorpusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> IGNORED_UNLESS_EXPECTED =
        List.of("_dlt_id", "_dlt_load_id", "_dlt_parent_id", "_dlt_root_id");

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Path dir = Path.of("src/test/resources/normalizer/cases");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode c : MAPPER.readTree(file.toFile())) {
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + c.get("name").asText(),
                        () -> run(c)));
                }
            }
        }
        assertTrue(tests.size() >= 60, "corpus has " + tests.size() + " cases");
        return tests.stream();
    }

    static int caseCount() throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/normalizer/cases"))) {
            for (Path file : files.toList()) {
                count += MAPPER.readTree(file.toFile()).size();
            }
        }
        return count;
    }

    private static void run(JsonNode c) throws Exception {
        Schema schema = new Schema("test");
        NamingConvention naming = new NamingConvention(c.path("maxLength").asInt(65536));
        NormalizerOptions options = options(c.path("options"));
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        JsonNode expect = c.get("expect");
        int loadNo = 0;
        try {
            for (JsonNode load : c.get("loads")) {
                loadNo++;
                Normalizer normalizer = new Normalizer(schema, c.path("table").asText("t"), options, naming,
                    "load" + loadNo);
                for (JsonNode item : load) {
                    normalizer.normalize(MAPPER.treeToValue(item, Object.class),
                        (table, row) -> rows.computeIfAbsent(table, k -> new ArrayList<>()).add(row));
                }
                warnings.addAll(normalizer.warnings());
            }
        } catch (Exception e) {
            if (expect.has("error")) {
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                assertTrue(message.contains(expect.get("error").asText()), "error was: " + message);
                return;
            }
            throw e;
        }
        if (expect.has("error")) {
            throw new AssertionError("expected error " + expect.get("error"));
        }
        if (expect.has("warnings")) {
            List<String> expected = new ArrayList<>();
            expect.get("warnings").forEach(w -> expected.add(w.asText()));
            assertEquals(expected, warnings);
        }
        JsonNode tables = expect.get("tables");
        List<String> expectedTables = new ArrayList<>();
        tables.fieldNames().forEachRemaining(expectedTables::add);
        assertEquals(expectedTables, schema.tables().stream().map(Table::name).toList(), "tables");
        for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Table table = schema.table(e.getKey());
            if (e.getValue().has("columns")) {
                List<String> expectedColumns = new ArrayList<>();
                e.getValue().get("columns").forEach(col -> expectedColumns.add(col.asText()));
                assertEquals(expectedColumns, table.columns().stream()
                    .map(col -> col.name() + " " + col.type().dltName()).toList(), "columns of " + e.getKey());
            }
            if (e.getValue().has("parent")) {
                assertEquals(e.getValue().get("parent").asText(null), table.parent(), "parent of " + e.getKey());
            }
            if (e.getValue().has("write_disposition")) {
                assertEquals(e.getValue().get("write_disposition").asText(null), table.writeDisposition(),
                    "write disposition of " + e.getKey());
            }
            if (e.getValue().has("rows")) {
                List<Map<String, Object>> actual = rows.getOrDefault(e.getKey(), List.of());
                JsonNode expectedRows = e.getValue().get("rows");
                assertEquals(expectedRows.size(), actual.size(), "row count of " + e.getKey() + ": " + actual);
                for (int i = 0; i < expectedRows.size(); i++) {
                    JsonNode expectedRow = expectedRows.get(i);
                    ObjectNode actualRow = MAPPER.createObjectNode();
                    for (Map.Entry<String, Object> v : actual.get(i).entrySet()) {
                        if (IGNORED_UNLESS_EXPECTED.contains(v.getKey()) && !expectedRow.has(v.getKey())) {
                            continue;
                        }
                        actualRow.set(v.getKey(), MAPPER.valueToTree(render(v.getValue())));
                    }
                    assertEquals(canonical(expectedRow), canonical(actualRow), "row " + i + " of " + e.getKey());
                }
            }
        }
    }

    /** Key order and number widths do not matter when comparing rows. */
    @SuppressWarnings("unchecked")
    private static String canonical(JsonNode row) throws IOException {
        return MAPPER.writeValueAsString(new java.util.TreeMap<>(MAPPER.convertValue(row, Map.class)));
    }

    /** Values as the case files write them: timestamps as ISO text, decimals as text, bytes as base64. */
    private static Object render(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.toString();
        }
        if (v instanceof BigDecimal d) {
            return "decimal:" + d.toPlainString();
        }
        if (v instanceof byte[] b) {
            return "base64:" + Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof java.time.LocalDate || v instanceof java.time.LocalTime) {
            return v.toString();
        }
        return v;
    }

    private static NormalizerOptions options(JsonNode o) {
        NormalizerOptions options = NormalizerOptions.defaults();
        if (o.has("write_disposition")) {
            options = options.withWriteDisposition(WriteDisposition.fromName(o.get("write_disposition").asText()));
        }
        if (o.has("primary_key")) {
            options = options.withPrimaryKey(List.of(o.get("primary_key").asText().split(",")));
        }
        if (o.has("max_table_nesting")) {
            options = options.withMaxTableNesting(o.get("max_table_nesting").asInt());
        }
        if (o.has("schema_contract")) {
            options = options.withSchemaContract(SchemaContract.fromName(o.get("schema_contract").asText()));
        }
        if (o.has("columns")) {
            options = options.withColumnHints(ColumnHints.parse(o.get("columns").asText()));
        }
        if (o.has("merge_strategy")) {
            options = options.withMergeStrategy(MergeStrategy.fromName(o.get("merge_strategy").asText()));
        }
        return options;
    }

}
