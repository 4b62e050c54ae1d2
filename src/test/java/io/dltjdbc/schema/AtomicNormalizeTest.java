package io.dltjdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Normalizer#normalizeAtomically}: an item that fails leaves no trace, neither rows nor tables, columns,
 * version bumps or cached column positions, so the rest of the load normalizes exactly as if it had never
 * been in the input.
 */
class AtomicNormalizeTest {
    private static final NamingConvention NAMING = new NamingConvention(63);

    private static Map<String, Object> item(Object... keyValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            item.put((String) keyValues[i], keyValues[i + 1]);
        }
        return item;
    }

    /** Table name and column names of every row, in order (ids are random, so values are left out). */
    private static List<String> shapes(List<Object[]> rows) {
        List<String> shapes = new ArrayList<>();
        for (Object[] row : rows) {
            shapes.add(row[0] + " " + ((Map<?, ?>) row[1]).keySet());
        }
        return shapes;
    }

    @Test
    void aFailedItemLeavesTheSchemaAndTheRowsAsIfItWasNeverRead() throws Exception {
        NormalizerOptions frozenChildren = NormalizerOptions.defaults().withSchemaContract(SchemaContract.FREEZE);
        Map<String, Object> good1 = item("id", 1L, "name", "ann");
        // first adds columns to the root (allowed: the table is new in this load), then needs a new child table (frozen)
        Map<String, Object> bad = item("id", 2L, "extra", "x", "nested", item("deep", 1.5), "tags", List.of("a"));
        Map<String, Object> good2 = item("id", 3L, "name", "cy");

        Schema withBad = new Schema("s");
        List<Object[]> rowsWithBad = new ArrayList<>();
        Normalizer normalizer = new Normalizer(withBad, "t", frozenChildren, NAMING, "L");
        normalizer.normalizeAtomically(good1, (table, row) -> rowsWithBad.add(new Object[] {table, row}));
        SchemaContractException e = assertThrows(SchemaContractException.class,
                () -> normalizer.normalizeAtomically(bad, (table, row) -> rowsWithBad.add(new Object[] {table, row})));
        assertEquals("t__tags", e.table());
        normalizer.normalizeAtomically(good2, (table, row) -> rowsWithBad.add(new Object[] {table, row}));

        Schema withoutBad = new Schema("s");
        List<Object[]> rowsWithoutBad = new ArrayList<>();
        Normalizer reference = new Normalizer(withoutBad, "t", frozenChildren, NAMING, "L");
        reference.normalize(good1, (table, row) -> rowsWithoutBad.add(new Object[] {table, row}));
        reference.normalize(good2, (table, row) -> rowsWithoutBad.add(new Object[] {table, row}));

        assertEquals(withoutBad.toJson(), withBad.toJson());
        assertEquals(withoutBad.version(), withBad.version());
        assertEquals(shapes(rowsWithoutBad), shapes(rowsWithBad));
        assertEquals(reference.schemaChanges().size(), normalizer.schemaChanges().size());
        assertEquals(Map.of("t", 2L), normalizer.rowCounts());
    }

    @Test
    void rowsAfterARefusedItemNormalizeUnchanged() throws Exception {
        Schema schema = new Schema("s");
        Normalizer first = new Normalizer(schema, "t", NormalizerOptions.defaults(), NAMING, "L1");
        first.normalize(item("id", 1L), (table, row) -> { });
        // a known table under freeze: the new column "b" is refused after "id" was typed and cached in the same item
        Normalizer normalizer = new Normalizer(schema, "t",
                NormalizerOptions.defaults().withSchemaContract(SchemaContract.FREEZE), NAMING, "L2");
        List<Map<String, Object>> rows = new ArrayList<>();
        assertThrows(SchemaContractException.class,
                () -> normalizer.normalizeAtomically(item("id", 2L, "b", true), (table, row) -> rows.add(row)));
        normalizer.normalizeAtomically(item("id", 3L), (table, row) -> rows.add(row));
        assertEquals(1, rows.size());
        assertEquals(3L, rows.get(0).get("id"));
        assertNull(schema.table("t").column("b"));
    }

    @Test
    void aDiscardRowContractReportsTheDroppedRow() throws Exception {
        Schema schema = new Schema("s");
        new Normalizer(schema, "t", NormalizerOptions.defaults(), NAMING, "L1").normalize(item("id", 1L), (table, row) -> { });
        Normalizer normalizer = new Normalizer(schema, "t",
                NormalizerOptions.defaults().withSchemaContract(SchemaContract.DISCARD_ROW), NAMING, "L2");
        List<Map<String, Object>> rows = new ArrayList<>();
        Normalizer.Discard discard = normalizer.normalizeAtomically(item("id", 2L, "new_col", 1L), (table, row) -> rows.add(row));
        assertEquals("t", discard.table());
        assertEquals(0, rows.size());
        assertNull(normalizer.normalizeAtomically(item("id", 3L), (table, row) -> rows.add(row)));
        assertEquals(1, rows.size());
    }
}
