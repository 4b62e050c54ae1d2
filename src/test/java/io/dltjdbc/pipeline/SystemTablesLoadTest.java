package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What each load writes to _dlt_loads, _dlt_version and _dlt_pipeline_state. */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class SystemTablesLoadTest extends LoadTestSupport {

    SystemTablesLoadTest(Db db) {
        super(db);
    }

    private String loadJson(String json) throws Exception {
        List<Map<String, Object>> summary = load("LOAD PIPELINE my_pipe FROM JSON " + lit(json) + " INTO ds.t");
        return (String) summary.get(0).get("load_id");
    }

    @Test
    void everyLoadAddsOneLoadsRowWithStatusZero() throws Exception {
        String first = loadJson("{\"id\":1}");
        String second = loadJson("{\"id\":2}");
        assertEquals(List.of(first, second), column("SELECT load_id FROM ds._dlt_loads ORDER BY load_id"));
        assertEquals(List.of("0", "0"), column("SELECT status FROM ds._dlt_loads"));
        assertEquals(List.of("my_pipe", "my_pipe"), column("SELECT schema_name FROM ds._dlt_loads"));
    }

    @Test
    void loadsRowCarriesTheStoredSchemaVersionHash() throws Exception {
        loadJson("{\"id\":1}");
        assertEquals(one("SELECT version_hash FROM ds._dlt_version"), one("SELECT schema_version_hash FROM ds._dlt_loads"));
    }

    @Test
    void versionRowIsAddedOnlyWhenTheSchemaChanged() throws Exception {
        loadJson("{\"id\":1}");
        loadJson("{\"id\":2}");
        assertEquals(1, count("ds._dlt_version"));
        loadJson("{\"id\":3,\"new_field\":true}");
        assertEquals(2, count("ds._dlt_version"));
        List<String> hashes = column("SELECT version_hash FROM ds._dlt_version ORDER BY version");
        assertNotEquals(hashes.get(0), hashes.get(1));
        List<String> loadHashes = column("SELECT schema_version_hash FROM ds._dlt_loads ORDER BY load_id");
        assertEquals(List.of(hashes.get(0), hashes.get(0), hashes.get(1)), loadHashes);
    }

    @Test
    void versionSchemaColumnIsTheSchemaJson() throws Exception {
        loadJson("{\"id\":1,\"xs\":[1]}");
        JsonNode schema = new ObjectMapper().readTree((String) one("SELECT schema FROM ds._dlt_version"));
        assertEquals("my_pipe", schema.get("name").asText());
        assertTrue(schema.get("tables").has("t"), schema.toString());
        assertTrue(schema.get("tables").has("t__xs"), schema.toString());
        assertEquals("my_pipe", one("SELECT schema_name FROM ds._dlt_version"));
    }

    @Test
    void stateRowNamesThePipelineAndDecodes() throws Exception {
        String loadId = loadJson("{\"id\":1}");
        List<Object> row = rows("SELECT version, pipeline_name, state, _dlt_load_id FROM ds._dlt_pipeline_state").get(0);
        assertEquals("my_pipe", row.get(1));
        assertEquals(loadId, row.get(3));
        PipelineState state = PipelineState.decode((String) row.get(2), ((Number) row.get(0)).longValue());
        assertEquals("my_pipe", state.get("pipeline_name"));
        assertEquals("ds", state.get("dataset_name"));
        assertEquals(((Number) row.get(0)).longValue(), ((Number) state.get("_state_version")).longValue());
    }

    @Test
    void stateVersionIncrementsWhenTheStateChanges() throws Exception {
        java.nio.file.Path file = write("e.jsonl", "{\"n\":1}\n");
        String sql = "LOAD PIPELINE my_pipe FROM " + lit(file) + " INTO ds.e WITH (incremental = 'n')";
        load(sql);
        write("e.jsonl", "{\"n\":1}\n{\"n\":2}\n");
        load(sql);
        assertEquals(List.of("1", "2"), column("SELECT version FROM ds._dlt_pipeline_state ORDER BY version"));
    }

    @Test
    void systemTablesHaveDltsColumns() throws Exception {
        loadJson("{\"id\":1}");
        assertEquals(List.of("load_id", "schema_name", "status", "inserted_at", "schema_version_hash"), columns("ds", "_dlt_loads"));
        assertEquals(List.of("version", "engine_version", "inserted_at", "schema_name", "version_hash", "schema"),
                columns("ds", "_dlt_version"));
        assertEquals(List.of("version", "engine_version", "pipeline_name", "state", "created_at", "version_hash", "_dlt_load_id",
                "_dlt_id"), columns("ds", "_dlt_pipeline_state"));
    }
}
