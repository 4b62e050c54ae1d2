package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code on_error = 'skip_row'} beyond malformed JSON lines (which the contract suite covers on every
 * destination): CSV records, discard contracts, incremental cursors, dry runs, DROP PIPELINE and the
 * option checks.
 */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class ErrorPolicyLoadTest extends LoadTestSupport {

    ErrorPolicyLoadTest(Db db) {
        super(db);
    }

    @Test
    void raggedCsvRecordsAreRejectedWithTheirLineAndTheRestLoads() throws Exception {
        Path file = write("people.csv", "id,name\n1,ann\n2,bob,extra\n3,\"cy, jr\"\n4\n5,eve\n");
        List<Map<String, Object>> summary = load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.people WITH (on_error = 'skip_row')");
        assertEquals(3L, summary.get(0).get("rows"));
        assertEquals(2L, summary.get(0).get("rejected"));
        assertEquals(List.of("1", "3", "5"), column("SELECT id FROM ds.people ORDER BY id"));
        assertEquals(List.of(List.of("people", 3L, "2,bob,extra"), List.of("people", 5L, "4")),
                rows("SELECT table_name, line_number, raw_row FROM ds._dlt_rejected_rows ORDER BY line_number"));
        assertTrue(one("SELECT error FROM ds._dlt_rejected_rows WHERE line_number = 3").toString()
                .startsWith("ragged CSV row in " + file + " row 3 (line 3)"));
    }

    @Test
    void withoutSkipRowTheFirstMalformedLineStillFailsTheLoad() throws Exception {
        Path file = write("e.jsonl", "{\"id\": 1}\n{\"id\": \n{\"id\": 3}\n");
        SQLException e = loadFails("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.e");
        assertEquals("22032", e.getSQLState());
        assertTrue(e.getMessage().contains(file + " line 2"), e.getMessage());
        assertEquals(0L, one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'e'"));
    }

    @Test
    void rowsADiscardRowContractDropsAreListedButDoNotCountAsErrors() throws Exception {
        load("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO ds.t");
        List<Map<String, Object>> summary = load("LOAD PIPELINE p FROM JSON '[{\"id\": 2}, {\"id\": 3, \"extra\": true}]' INTO ds.t"
                + " WITH (schema_contract = 'discard_row', on_error = 'skip_row', max_errors = 0)");
        assertEquals(1L, summary.get(0).get("rows"));
        assertEquals(1L, summary.get(0).get("rejected"));
        assertEquals(List.of("1", "2"), column("SELECT id FROM ds.t ORDER BY id"));
        assertEquals(List.of(List.of("t", 2L, "{\"id\":3,\"extra\":true}")),
                rows("SELECT table_name, line_number, raw_row FROM ds._dlt_rejected_rows"));
        assertTrue(one("SELECT error FROM ds._dlt_rejected_rows").toString().contains("schema_contract is discard_row"));
    }

    @Test
    void aRejectedRowDoesNotMoveTheIncrementalCursor() throws Exception {
        Path file = write("events.jsonl", "{\"id\": 1, \"at\": 10}\n{\"id\": 2, \"at\": 20, \"extra\": 1}\n");
        String statement = "LOAD PIPELINE p FROM " + lit(file) + " INTO ds.events"
                + " WITH (incremental = 'at', schema_contract = 'freeze', on_error = 'skip_row')";
        load("LOAD PIPELINE p FROM JSON '[{\"id\": 0, \"at\": 0}]' INTO ds.events WITH (incremental = 'at')");
        load(statement);
        assertEquals(List.of("0", "1"), column("SELECT id FROM ds.events ORDER BY id"));
        // the fixed row is loaded by the next run: the cursor stayed at 10, not at the rejected row's 20
        write("events.jsonl", "{\"id\": 1, \"at\": 10}\n{\"id\": 2, \"at\": 20}\n");
        load(statement);
        assertEquals(List.of("0", "1", "2"), column("SELECT id FROM ds.events ORDER BY id"));
    }

    @Test
    void aDryRunCountsTheRowsItWouldRejectAndWritesNothing() throws Exception {
        Path file = write("e.jsonl", "{\"id\": 1}\nnope\n{\"id\": 3}\n");
        List<Map<String, Object>> plan = load("EXPLAIN LOAD PIPELINE p FROM " + lit(file) + " INTO ds.e WITH (on_error = 'skip_row')");
        Map<String, Object> last = plan.get(plan.size() - 1);
        assertEquals("reject rows", last.get("action"));
        assertEquals("e", last.get("table_name"));
        assertEquals(1L, last.get("rows"));
        assertEquals(2L, plan.get(0).get("rows"));
        assertEquals(0L, one("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('e', '_dlt_rejected_rows')"));
    }

    @Test
    void dropPipelineWithTablesRemovesItsRejectedRowsOnly() throws Exception {
        Path file = write("e.jsonl", "{\"id\": 1}\nnope\n");
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.e WITH (on_error = 'skip_row')");
        load("LOAD PIPELINE q FROM " + lit(file) + " INTO ds.f WITH (on_error = 'skip_row')");
        assertEquals(2L, count("ds._dlt_rejected_rows"));
        try (var s = c.createStatement()) {
            s.execute("DROP PIPELINE p WITH TABLES");
        }
        assertEquals(List.of("f"), column("SELECT table_name FROM ds._dlt_rejected_rows"));
    }

    @Test
    void maxErrorsWithoutSkipRowIsAnError() throws Exception {
        SQLException e = loadFails("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO ds.e WITH (max_errors = 5)");
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("on_error = 'skip_row'"), e.getMessage());
    }

    @Test
    void showRejectedForALoadListsOnlyThatLoad() throws Exception {
        Path file = write("e.jsonl", "{\"id\": 1}\nnope\n");
        String first = (String) load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.e WITH (on_error = 'skip_row')").get(0).get("load_id");
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.e WITH (on_error = 'skip_row')");
        assertEquals(2, load("SHOW REJECTED").size());
        List<Map<String, Object>> rejected = load("SHOW REJECTED FOR '" + first + "'");
        assertEquals(1, rejected.size());
        assertEquals(first, rejected.get(0).get("load_id"));
        assertEquals("ds", rejected.get(0).get("dataset_name"));
        assertEquals(2L, rejected.get(0).get("line_number"));
        assertEquals("nope", rejected.get(0).get("raw_row"));
    }
}
