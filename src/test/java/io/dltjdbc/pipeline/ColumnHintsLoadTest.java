package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Warehouse hints in the stored schema across loads on DuckDB: a hint given on a later load reaches
 * {@code _dlt_version}, later loads without the {@code columns} option keep it, and {@code unique} makes no
 * DuckDB constraint (see {@code SqlDialect.declaresUnique}).
 */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class ColumnHintsLoadTest extends LoadTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    ColumnHintsLoadTest(Db db) {
        super(db);
    }

    private void loadJson(String json, String with) throws Exception {
        load("LOAD PIPELINE p FROM JSON " + lit(json) + " INTO ds.t" + (with.isEmpty() ? "" : " WITH (" + with + ")"));
    }

    /** The column as the newest {@code _dlt_version} row stores it. */
    private JsonNode storedColumn(String column) throws Exception {
        String schema = (String) one("SELECT schema FROM ds._dlt_version ORDER BY version DESC LIMIT 1");
        return JSON.readTree(schema).path("tables").path("t").path("columns").path(column);
    }

    @Test
    void hintOnALaterLoadIsStoredInTheNewSchemaVersion() throws Exception {
        loadJson("{\"id\":1,\"region\":\"eu\"}", "");
        loadJson("{\"id\":2,\"region\":\"us\"}", "columns = 'region cluster, id unique'");

        assertEquals(2, count("ds._dlt_version"));
        assertEquals(true, storedColumn("region").path("cluster").asBoolean());
        assertEquals("text", storedColumn("region").path("data_type").asText());
        assertEquals(true, storedColumn("id").path("unique").asBoolean());
    }

    @Test
    void storedHintsSurviveLaterLoadsWithoutTheColumnsOption() throws Exception {
        loadJson("{\"id\":1,\"ts\":\"2024-01-01T00:00:00Z\"}", "columns = 'ts timestamp partition'");
        loadJson("{\"id\":2,\"ts\":\"2024-01-02T00:00:00Z\",\"extra\":\"x\"}", "");

        assertEquals(2, count("ds._dlt_version"), "the new column stored a new version");
        assertEquals(true, storedColumn("ts").path("partition").asBoolean());
        assertEquals("text", storedColumn("extra").path("data_type").asText());
    }

    @Test
    void uniqueHintMakesNoDuckDbConstraintSoDuplicatesLoad() throws Exception {
        String merge = "write_disposition = merge, primary_key = 'id', columns = 'code text unique'";
        loadJson("[{\"id\":1,\"code\":\"a\"},{\"id\":2,\"code\":\"b\"}]", merge);
        loadJson("[{\"id\":1,\"code\":\"a\"},{\"id\":3,\"code\":\"b\"}]", merge);

        assertEquals(List.of("1 a", "2 b", "3 b"), column("SELECT id || ' ' || code FROM ds.t ORDER BY id"));
    }
}
