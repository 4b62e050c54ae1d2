package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code incremental}: a second run loads only rows past the stored cursor, kept in the pipeline state. */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class IncrementalLoadTest extends LoadTestSupport {

    IncrementalLoadTest(Db db) {
        super(db);
    }

    private static final String OLD = "{\"id\":1,\"updated_at\":\"2024-01-01T00:00:00Z\"}\n"
            + "{\"id\":2,\"updated_at\":\"2024-01-02T00:00:00Z\"}\n";
    private static final String NEW = "{\"id\":3,\"updated_at\":\"2024-01-03T00:00:00Z\"}\n";

    private String statement(Path file) {
        return "LOAD PIPELINE p FROM " + lit(file) + " INTO ds.events WITH (incremental = 'updated_at')";
    }

    @Test
    void secondRunLoadsOnlyRowsNewerThanTheStoredCursor() throws Exception {
        Path file = write("events.jsonl", OLD);
        load(statement(file));
        write("events.jsonl", OLD + NEW);
        List<Map<String, Object>> summary = load(statement(file));
        assertEquals(1L, summary.get(0).get("rows"));
        assertEquals(List.of("1", "2", "3"), column("SELECT id FROM ds.events ORDER BY id"));
    }

    @Test
    void rerunWithNothingNewLoadsNoRows() throws Exception {
        Path file = write("events.jsonl", OLD);
        load(statement(file));
        load(statement(file));
        assertEquals(2, count("ds.events"));
    }

    @Test
    void initialValueSkipsOlderRowsOnTheFirstRun() throws Exception {
        Path file = write("events.jsonl", OLD + NEW);
        load("LOAD PIPELINE p FROM " + lit(file) + " INTO ds.events WITH (incremental = 'updated_at',"
                + " initial_value = '2024-01-02T00:00:00Z')");
        assertEquals(List.of("2", "3"), column("SELECT id FROM ds.events ORDER BY id"));
    }

    @Test
    void numericCursorComparesAsNumbers() throws Exception {
        Path file = write("n.jsonl", "{\"seq\":9}\n{\"seq\":10}\n");
        String sql = "LOAD PIPELINE p FROM " + lit(file) + " INTO ds.n WITH (incremental = 'seq')";
        load(sql);
        write("n.jsonl", "{\"seq\":9}\n{\"seq\":10}\n{\"seq\":11}\n");
        load(sql);
        assertEquals(List.of("9", "10", "11"), column("SELECT seq FROM ds.n ORDER BY seq"));
    }

    @Test
    void cursorIsKeptInThePipelineState() throws Exception {
        Path file = write("events.jsonl", OLD + NEW);
        load(statement(file));
        String stored = (String) one("SELECT state FROM ds._dlt_pipeline_state ORDER BY version DESC LIMIT 1");
        PipelineState state = PipelineState.decode(stored, 1);
        Map<String, Object> cursor = (Map<String, Object>) ((Map<String, Object>) state.resourceState("p", "events")
                .get("incremental")).get("updated_at");
        assertEquals("2024-01-03T00:00:00Z", cursor.get("last_value"));
    }

    @Test
    void showPipelineReportsTheCursor() throws Exception {
        Path file = write("events.jsonl", OLD + NEW);
        load(statement(file));
        List<List<Object>> properties = rows("SHOW PIPELINE p");
        assertEquals(List.of("incremental.events.updated_at", "2024-01-03T00:00:00Z"),
                properties.stream().filter(r -> r.get(0).toString().startsWith("incremental.")).findFirst().orElseThrow());
    }
}
