package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** How LOAD PIPELINE and the pipeline commands answer through JDBC. */
@ParameterizedClass
@EnumSource(LoadTestSupport.Db.class)
class StatementResultsLoadTest extends LoadTestSupport {
    private static final String NESTED = "LOAD PIPELINE p FROM JSON '[{\"id\":1,\"xs\":[1,2]},{\"id\":2,\"xs\":[3]}]' INTO ds.t";

    StatementResultsLoadTest(Db db) {
        super(db);
    }

    @Test
    void executeReturnsTrueWithTheSummaryColumns() throws Exception {
        try (Statement s = c.createStatement()) {
            assertTrue(s.execute(NESTED));
            ResultSetMetaData meta = s.getResultSet().getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            assertEquals(List.of("load_id", "pipeline_name", "dataset_name", "table_name", "rows", "write_disposition", "status",
                    "rejected"), names);
        }
    }

    @Test
    void summaryHasOneRowPerTableWritten() throws Exception {
        List<Map<String, Object>> summary = load(NESTED);
        assertEquals(2, summary.size());
        Map<String, Object> root = summary.get(0);
        assertEquals("p", root.get("pipeline_name"));
        assertEquals("ds", root.get("dataset_name"));
        assertEquals("t", root.get("table_name"));
        assertEquals(2L, root.get("rows"));
        assertEquals("append", root.get("write_disposition"));
        assertEquals("loaded", root.get("status"));
        assertEquals("t__xs", summary.get(1).get("table_name"));
        assertEquals(3L, summary.get(1).get("rows"));
        assertEquals(root.get("load_id"), summary.get(1).get("load_id"));
    }

    @Test
    void afterTheSummaryThereAreNoMoreResults() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(NESTED);
            assertEquals(-1, s.getUpdateCount());
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            assertNull(s.getResultSet());
        }
    }

    @Test
    void executeUpdateReturnsTheTotalRows() throws Exception {
        try (Statement s = c.createStatement()) {
            assertEquals(5, s.executeUpdate(NESTED));
        }
    }

    @Test
    void executeQueryReturnsTheSummary() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(NESTED)) {
            assertTrue(rs.next());
            assertEquals("t", rs.getString("table_name"));
        }
    }

    @Test
    void preparedStatementBindsTheFileLocation() throws Exception {
        Path file = write("in.jsonl", "{\"id\":1}\n{\"id\":2}\n");
        try (PreparedStatement ps = c.prepareStatement("LOAD PIPELINE p FROM ? INTO ds.t")) {
            ps.setString(1, file.toString());
            assertEquals(2, ps.executeUpdate());
        }
        assertEquals(2, count("ds.t"));
    }

    @Test
    void preparedStatementBindsInlineJsonAndRunsTwice() throws Exception {
        try (PreparedStatement ps = c.prepareStatement("LOAD PIPELINE p FROM JSON ? INTO ds.t")) {
            ps.setString(1, "[{\"id\":1},{\"id\":2}]");
            assertTrue(ps.execute());
            assertEquals(2L, maps(ps.getResultSet()).get(0).get("rows"));
            ps.setString(1, "{\"id\":3}");
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(List.of("1", "2", "3"), column("SELECT id FROM ds.t ORDER BY id"));
    }

    @Test
    void showPipelinesListsEachPipelineWithItsDataset() throws Exception {
        load(NESTED);
        load("LOAD PIPELINE other FROM JSON '{\"a\":1}' INTO ds2.u");
        List<List<Object>> pipelines = rows("SHOW PIPELINES");
        assertEquals(2, pipelines.size());
        assertTrue(pipelines.stream().anyMatch(r -> r.get(0).equals("p") && r.get(1).equals("ds")), pipelines.toString());
        assertTrue(pipelines.stream().anyMatch(r -> r.get(0).equals("other") && r.get(1).equals("ds2")), pipelines.toString());
    }

    @Test
    void showLoadsListsEveryLoadAndFiltersByPipeline() throws Exception {
        String first = (String) load(NESTED).get(0).get("load_id");
        String second = (String) load(NESTED).get(0).get("load_id");
        load("LOAD PIPELINE other FROM JSON '{\"a\":1}' INTO ds.u");
        assertEquals(3, rows("SHOW LOADS").size());
        assertEquals(List.of(first, second), column("SHOW LOADS FOR p"));
    }

    @Test
    void showPipelineDescribesStateAndSchema() throws Exception {
        String loadId = (String) load(NESTED).get(0).get("load_id");
        Map<String, String> properties = new java.util.HashMap<>();
        for (List<Object> row : rows("SHOW PIPELINE p")) {
            properties.put((String) row.get(0), (String) row.get(1));
        }
        assertEquals("ds", properties.get("dataset_name"));
        assertEquals("duckdb", properties.get("destination_name"));
        assertEquals(loadId, properties.get("last_load_id"));
        assertEquals("1", properties.get("state_version"));
        assertTrue(properties.get("tables").contains("t__xs"), properties.toString());
    }

    @Test
    void showPipelineOfAnUnknownPipelineIsAnError() {
        SQLException e = loadFails("SHOW PIPELINE nope");
        assertEquals("42704", e.getSQLState());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void dropPipelineForgetsTheStateButKeepsTheTables() throws Exception {
        load(NESTED);
        try (Statement s = c.createStatement()) {
            s.execute("DROP PIPELINE p");
        }
        assertTrue(rows("SHOW PIPELINES").isEmpty());
        assertEquals(2, count("ds.t"));
    }

    @Test
    void dropPipelineWithTablesDropsItsTables() throws Exception {
        load(NESTED);
        load("LOAD PIPELINE other FROM JSON '{\"a\":1}' INTO ds.u");
        try (Statement s = c.createStatement()) {
            s.execute("DROP PIPELINE p WITH TABLES");
        }
        assertFalse(tableExists("ds", "t"));
        assertFalse(tableExists("ds", "t__xs"));
        assertEquals(1, count("ds.u"));
        assertEquals(List.of("other"), column("SELECT pipeline_name FROM ds._dlt_pipeline_state"));
        assertEquals(List.of("other"), column("SELECT schema_name FROM ds._dlt_loads"));
    }

    @Test
    void dropPipelineWithTablesStillFindsTheTablesAfterThePlainDropForgotTheState() throws Exception {
        load(NESTED);
        try (Statement s = c.createStatement()) {
            s.execute("DROP PIPELINE p");
            s.execute("DROP PIPELINE p WITH TABLES");
        }
        assertFalse(tableExists("ds", "t"));
        assertFalse(tableExists("ds", "t__xs"));
    }

    @Test
    void loadAfterDropPipelineWithTablesStartsAfresh() throws Exception {
        load(NESTED);
        try (Statement s = c.createStatement()) {
            s.execute("DROP PIPELINE p WITH TABLES");
        }
        load(NESTED);
        assertEquals(2, count("ds.t"));
        assertEquals(3, count("ds.t__xs"));
    }

    @Test
    void dropPipelineWithTablesAlsoDropsItsMergeStagingTables() throws Exception {
        load(NESTED + " WITH (write_disposition = 'merge', primary_key = 'id')");
        assertTrue(tableExists("ds_staging", "t"));
        try (Statement s = c.createStatement()) {
            s.execute("DROP PIPELINE p WITH TABLES");
        }
        assertFalse(tableExists("ds_staging", "t"));
        assertFalse(tableExists("ds_staging", "t__xs"));
    }
}
