package io.dltjdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.schema.NamingConvention;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names from data, from INTO and from options never reach SQL unquoted: hostile names are normalized by dlt's
 * naming convention and then quoted, a victim table survives, and the odd names round-trip as dlt names them.
 * Values are bound, never spliced.
 */
@ParameterizedClass
@EnumSource(ReliabilitySupport.Target.class)
class InjectionTest extends ReliabilitySupport {
    static final List<String> HOSTILE = List.of("x\"; DROP TABLE victim; --", "a'b", "`tick`", "a\"b", "); DELETE FROM victim; --",
            "Robert'); DROP TABLE victim;--", "semi;colon", "new\nline", "back\\slash", "$1", "\u00e9t\u00e9 \"quoted\"");

    InjectionTest(Target target) {
        super(target);
    }

    NamingConvention naming() {
        return new NamingConvention(target == Target.POSTGRES ? 63 : 65536);
    }

    @BeforeEach
    void victim() throws Exception {
        load("LOAD PIPELINE keep FROM JSON '[{\"id\":1},{\"id\":2}]' INTO " + ds + ".victim");
    }

    void assertVictimSurvives() throws Exception {
        assertEquals(2, count("victim"));
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void hostileKeysBecomeNormalizedQuotedColumns() throws Exception {
        StringBuilder item = new StringBuilder("{\"id\":1");
        for (int i = 0; i < HOSTILE.size(); i++) {
            item.append(',').append(json(HOSTILE.get(i))).append(':').append(json("v" + i));
        }
        item.append(",\"nested\":{").append(json(HOSTILE.get(0))).append(":[").append(json(HOSTILE.get(1))).append("]}}");
        load("LOAD PIPELINE p FROM JSON " + lit(item) + " INTO " + ds + ".t");
        assertVictimSurvives();
        List<String> columns = columns("t");
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            expected.put(naming().normalizePath(HOSTILE.get(i)), "v" + i);   // names that collide: the last value wins
        }
        assertTrue(expected.size() >= HOSTILE.size() - 2, expected.toString());
        for (java.util.Map.Entry<String, String> e : expected.entrySet()) {
            assertTrue(columns.contains(e.getKey()), e.getKey() + " not in " + columns);
            assertEquals(e.getValue(), one("SELECT \"" + e.getKey() + "\" FROM " + ds + ".t"), e.getKey());
        }
        String child = naming().normalizePath("t__nested__" + naming().normalizePath(HOSTILE.get(0)));
        assertTrue(tables().contains(child), child + " not in " + tables());
        assertEquals(HOSTILE.get(1), one("SELECT value FROM " + ds + ".\"" + child + "\""));
    }

    @Test
    void hostileTableNamesInIntoAndOptionsAreNormalizedAndQuoted() throws Exception {
        for (String hostile : HOSTILE) {
            String quoted = "\"" + hostile.replace("\"", "\"\"") + "\"";
            load("LOAD PIPELINE p FROM JSON '{\"id\":7}' INTO " + ds + "." + quoted);
            assertTrue(tables().contains(naming().normalizePath(hostile)), hostile + " -> " + tables());
            load("LOAD PIPELINE p FROM JSON '{\"id\":8}' WITH (dataset_name = " + lit(ds) + ", table_name = " + lit(hostile) + ")");
            assertVictimSurvives();
        }
        for (String hostile : HOSTILE) {
            assertEquals(List.of("7", "8"), strings("SELECT DISTINCT id FROM " + ds + ".\"" + naming().normalizePath(hostile) + "\" ORDER BY id"),
                    hostile);
        }
    }

    @Test
    void hostileDatasetNameIsNormalizedAndQuoted() throws Exception {
        String hostile = ds + "\"; DROP TABLE " + ds + ".victim; --";
        load("LOAD PIPELINE p FROM JSON '{\"id\":9}' WITH (dataset_name = " + lit(hostile) + ", table_name = 'evil')");
        assertVictimSurvives();
        String normalized = naming().normalizeIdentifier(hostile);
        assertEquals(List.of("9"), strings("SELECT id FROM \"" + normalized + "\".evil"));
    }

    @Test
    void hostileValuesAndPrimaryKeysAreBoundNotSpliced() throws Exception {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < HOSTILE.size(); i++) {
            rows.append(i == 0 ? "" : ",").append("{\"k\":").append(json(HOSTILE.get(i))).append(",\"v\":").append(json(HOSTILE.get(i)))
                    .append(",\"j\":{\"x\":[").append(json(HOSTILE.get(i))).append("]}}");
        }
        rows.append(']');
        String sql = "LOAD PIPELINE p FROM JSON " + lit(rows) + " INTO " + ds + ".vals WITH (write_disposition = 'merge',"
                + " primary_key = 'k', max_table_nesting = 1)";
        load(sql);
        load(sql);   // merge: the delete by key binds the hostile keys too
        assertVictimSurvives();
        assertEquals(HOSTILE.stream().sorted().toList(), strings("SELECT v FROM " + ds + ".vals").stream().sorted().toList());
        assertEquals(HOSTILE.size(), count("vals"));
    }
}
