package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** append, replace and merge over two consecutive loads, child tables included. */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class WriteDispositionLoadTest extends LoadTestSupport {

    WriteDispositionLoadTest(Db db) {
        super(db);
    }

    private void loadJson(String json, String with) throws Exception {
        load("LOAD PIPELINE p FROM JSON " + lit(json) + " INTO ds.t" + (with.isEmpty() ? "" : " WITH (" + with + ")"));
    }

    @Test
    void appendTwiceDoublesRowsInRootAndChildTables() throws Exception {
        String json = "[{\"id\":1,\"xs\":[1,2]},{\"id\":2,\"xs\":[3]}]";
        loadJson(json, "");
        loadJson(json, "write_disposition = 'append'");
        assertEquals(4, count("ds.t"));
        assertEquals(6, count("ds.t__xs"));
        assertEquals(2L, ((Number) one("SELECT count(DISTINCT _dlt_load_id) FROM ds.t")).longValue());
    }

    @Test
    void replaceKeepsOnlyTheSecondLoadsRowsAndReplacesChildTables() throws Exception {
        loadJson("[{\"id\":1,\"xs\":[1,2]},{\"id\":2,\"xs\":[3]}]", "write_disposition = 'replace'");
        loadJson("[{\"id\":3,\"xs\":[9]}]", "write_disposition = 'replace'");
        assertEquals(List.of("3"), column("SELECT id FROM ds.t"));
        assertEquals(List.of("9"), column("SELECT value FROM ds.t__xs"));
        assertEquals(one("SELECT _dlt_id FROM ds.t"), one("SELECT _dlt_parent_id FROM ds.t__xs"));
    }

    @Test
    void replaceWithoutChildRowsEmptiesTheChildTable() throws Exception {
        loadJson("[{\"id\":1,\"xs\":[1,2]}]", "write_disposition = 'replace'");
        loadJson("[{\"id\":2}]", "write_disposition = 'replace'");
        assertEquals(List.of("2"), column("SELECT id FROM ds.t"));
        assertEquals(0, count("ds.t__xs"));
    }

    @Test
    void mergeByPrimaryKeyUpdatesExistingAndAddsNewRows() throws Exception {
        loadJson("[{\"id\":1,\"v\":\"a\"},{\"id\":2,\"v\":\"b\"}]", "write_disposition = 'merge', primary_key = 'id'");
        loadJson("[{\"id\":2,\"v\":\"B\"},{\"id\":3,\"v\":\"c\"}]", "write_disposition = 'merge', primary_key = 'id'");
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "B"), List.of(3L, "c")), rows("SELECT id, v FROM ds.t ORDER BY id"));
    }

    @Test
    void mergeDeduplicatesWithinOneLoadLastRowWins() throws Exception {
        loadJson("[{\"id\":1,\"v\":\"first\"},{\"id\":1,\"v\":\"second\"},{\"id\":1,\"v\":\"last\"}]",
                "write_disposition = 'merge', primary_key = 'id'");
        assertEquals(List.of(List.of(1L, "last")), rows("SELECT id, v FROM ds.t"));
    }

    @Test
    void mergeDeduplicationKeepsOnlyTheWinnersChildRows() throws Exception {
        loadJson("[{\"id\":1,\"xs\":[\"old\"]},{\"id\":1,\"xs\":[\"new\"]}]", "write_disposition = 'merge', primary_key = 'id'");
        assertEquals(List.of("new"), column("SELECT value FROM ds.t__xs"));
    }

    @Test
    void mergeRemovesChildRowsOfReplacedParentsAndLinksNewOnesByRootId() throws Exception {
        loadJson("[{\"id\":1,\"xs\":[\"a1\",\"a2\"]},{\"id\":2,\"xs\":[\"b1\"]}]", "write_disposition = 'merge', primary_key = 'id'");
        loadJson("[{\"id\":1,\"xs\":[\"A1\"]}]", "write_disposition = 'merge', primary_key = 'id'");
        assertEquals(List.of(List.of(1L, "A1"), List.of(2L, "b1")),
                rows("SELECT t.id, x.value FROM ds.t t JOIN ds.t__xs x ON x._dlt_root_id = t._dlt_id ORDER BY 1, 2"));
        assertEquals(2, count("ds.t__xs"));
        assertTrue(columns("ds", "t__xs").contains("_dlt_root_id"));
        assertFalse(columns("ds", "t").contains("_dlt_root_id"));
    }

    @Test
    void mergeByCompoundPrimaryKey() throws Exception {
        loadJson("[{\"a\":1,\"b\":1,\"v\":\"x\"},{\"a\":1,\"b\":2,\"v\":\"y\"}]", "write_disposition = 'merge', primary_key = 'a,b'");
        loadJson("[{\"a\":1,\"b\":2,\"v\":\"Y\"}]", "write_disposition = 'merge', primary_key = 'a,b'");
        assertEquals(List.of("x", "Y"), column("SELECT v FROM ds.t ORDER BY a, b"));
    }

    @Test
    void mergeByMergeKeyReplacesEveryRowOfThatKey() throws Exception {
        loadJson("[{\"day\":\"d1\",\"v\":1},{\"day\":\"d1\",\"v\":2},{\"day\":\"d2\",\"v\":3}]",
                "write_disposition = 'merge', merge_key = 'day'");
        loadJson("[{\"day\":\"d1\",\"v\":10}]", "write_disposition = 'merge', merge_key = 'day'");
        assertEquals(List.of(List.of("d1", 10L), List.of("d2", 3L)), rows("SELECT day, v FROM ds.t ORDER BY day, v"));
    }

    @Test
    void mergeByMergeKeyKeepsEveryNewRowOfThatKey() throws Exception {
        loadJson("[{\"day\":\"d1\",\"v\":1}]", "write_disposition = 'merge', merge_key = 'day'");
        loadJson("[{\"day\":\"d1\",\"v\":10},{\"day\":\"d1\",\"v\":11}]", "write_disposition = 'merge', merge_key = 'day'");
        assertEquals(List.of("10", "11"), column("SELECT v FROM ds.t ORDER BY v"));
    }

    @Test
    void mergeWithoutKeysAppendsAsDltDoes() throws Exception {
        loadJson("[{\"id\":1}]", "write_disposition = 'merge'");
        loadJson("[{\"id\":1}]", "write_disposition = 'merge'");
        assertEquals(2, count("ds.t"));
    }

    @Test
    void mergeIntoAnEmptyDatasetCreatesTheTable() throws Exception {
        loadJson("[{\"id\":1,\"xs\":[1]}]", "write_disposition = 'merge', primary_key = 'id'");
        assertEquals(1, count("ds.t"));
        assertEquals(1, count("ds.t__xs"));
    }

    @Test
    void mergeDeduplicationIgnoresADataColumnNamedRowid() throws Exception {
        loadJson("[{\"id\":1,\"rowid\":5,\"v\":\"first\"},{\"id\":1,\"rowid\":1,\"v\":\"last\"}]",
                "write_disposition = 'merge', primary_key = 'id'");
        assertEquals(List.of("last"), column("SELECT v FROM ds.t"));
    }

    @Test
    void replaceWithAnEmptyInputEmptiesTheTable() throws Exception {
        loadJson("[{\"id\":1,\"xs\":[1]}]", "write_disposition = 'replace'");
        loadJson("[]", "write_disposition = 'replace'");
        assertEquals(0, count("ds.t"));
        assertEquals(0, count("ds.t__xs"));
    }

    @Test
    void upsertUpdatesRowsByPrimaryKeyAndInsertsNewOnes() throws Exception {
        String upsert = " INTO ds.u WITH (write_disposition = 'merge', merge_strategy = 'upsert', primary_key = 'id')";
        load("LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"v\": \"a\"}, {\"id\": 2, \"v\": \"b\"}]'" + upsert);
        load("LOAD PIPELINE p FROM JSON '[{\"id\": 2, \"v\": \"B\"}, {\"id\": 3, \"v\": \"c\"}]'" + upsert);
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "B"), List.of(3L, "c")), rows("SELECT id, v FROM ds.u ORDER BY id"));
        assertEquals(3L, one("SELECT count(DISTINCT _dlt_id) FROM ds.u"));
    }

    @Test
    void insertOnlyKeepsRowsWhoseKeyIsAlreadyThere() throws Exception {
        String insertOnly = " INTO ds.i WITH (write_disposition = 'merge', merge_strategy = 'insert-only', primary_key = 'id')";
        load("LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"v\": \"a\"}]'" + insertOnly);
        load("LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"v\": \"changed\"}, {\"id\": 2, \"v\": \"b\"}]'" + insertOnly);
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b")), rows("SELECT id, v FROM ds.i ORDER BY id"));
    }

    @Test
    void upsertWithoutAPrimaryKeyIsRefusedBeforeAnythingIsWritten() {
        java.sql.SQLException e = loadFails("LOAD PIPELINE p FROM JSON '[{\"a\": 1}, {\"a\": 2}]' INTO ds.u"
                + " WITH (write_disposition = 'merge', merge_strategy = 'upsert')");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("needs a primary key"), e.getMessage());
    }

    @Test
    void aMergeStrategyWithoutMergeIsRefused() {
        java.sql.SQLException e = loadFails("LOAD PIPELINE p FROM JSON '[{\"a\": 1}]' INTO ds.u WITH (merge_strategy = 'upsert')");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("write_disposition = 'merge'"), e.getMessage());
    }
}
