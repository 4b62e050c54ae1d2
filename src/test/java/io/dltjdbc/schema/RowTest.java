package io.dltjdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {
    @Test
    void isTheMapOfItsNonNullValuesInColumnOrder() {
        Row row = new Row(new String[] {"a", "b", "c", "d"}, new Object[] {1L, null, "x", null});
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1L);
        expected.put("c", "x");
        assertEquals(expected, row);
        assertEquals(row, expected);
        assertEquals(expected.hashCode(), row.hashCode());
        assertEquals(expected.toString(), row.toString());
        assertEquals(List.of("a", "c"), new ArrayList<>(row.keySet()));
        assertEquals(2, row.size());
        assertEquals("x", row.get("c"));
        assertNull(row.get("b"));
        assertFalse(row.containsKey("b"));
        assertTrue(row.containsKey("a"));
        assertEquals(4, row.width());
        assertThrows(UnsupportedOperationException.class, () -> row.put("e", 2L));
    }

    @Test
    void anEmptyRowIsAnEmptyMap() {
        Row row = new Row(new String[] {"a"}, new Object[] {null});
        assertTrue(row.isEmpty());
        assertEquals(Map.of(), row);
        assertFalse(row.entrySet().iterator().hasNext());
    }
}
