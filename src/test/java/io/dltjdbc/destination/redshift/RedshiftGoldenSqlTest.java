package io.dltjdbc.destination.redshift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.destination.LoadPlan;
import io.dltjdbc.destination.ResourceLoad;
import io.dltjdbc.destination.TableLoad;
import io.dltjdbc.destination.postgres.ServerTarget;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.WriteDisposition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the SQL the Redshift loader sends, statement by statement, in {@code src/test/resources/golden/redshift/}.
 * What the tests against PostgreSQL can't run (DISTKEY, SORTKEY) is checked here, and where UNIQUE goes: a column
 * constraint in CREATE TABLE, a table constraint after ADD COLUMN (Redshift's ADD COLUMN takes none), none on
 * merge staging tables. Regenerate after an
 * intended change with {@code -Dgolden.update=true} and review the diff.
 */
class RedshiftGoldenSqlTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/redshift");
    private static final ServerTarget TARGET = new ServerTarget("redshift", "example.redshift.amazonaws.com", 5439, "dev",
            "loader", List.of("secret-password"));
    private static final String SCHEMA = """
            {"name": "p", "version": 2, "tables": {
              "events": {"name": "events", "write_disposition": "append", "columns": {
                "id": {"name": "id", "data_type": "bigint", "nullable": false, "primary_key": true, "distkey": true},
                "ts": {"name": "ts", "data_type": "timestamp", "nullable": true, "sort": true},
                "name": {"name": "name", "data_type": "text", "nullable": true},
                "doc": {"name": "doc", "data_type": "json", "nullable": true},
                "amount": {"name": "amount", "data_type": "decimal", "nullable": true},
                "data": {"name": "data", "data_type": "binary", "nullable": true},
                "day": {"name": "day", "data_type": "date", "nullable": true, "sort": true},
                "clock": {"name": "clock", "data_type": "time", "nullable": true, "unique": true},
                "flag": {"name": "flag", "data_type": "bool", "nullable": true},
                "score": {"name": "score", "data_type": "double", "nullable": true},
                "_dlt_load_id": {"name": "_dlt_load_id", "data_type": "text", "nullable": false},
                "_dlt_id": {"name": "_dlt_id", "data_type": "text", "nullable": false, "unique": true}}},
              "events__tags": {"name": "events__tags", "parent": "events", "columns": {
                "value": {"name": "value", "data_type": "text", "nullable": true},
                "_dlt_root_id": {"name": "_dlt_root_id", "data_type": "text", "nullable": false},
                "_dlt_parent_id": {"name": "_dlt_parent_id", "data_type": "text", "nullable": false},
                "_dlt_list_idx": {"name": "_dlt_list_idx", "data_type": "bigint", "nullable": false},
                "_dlt_id": {"name": "_dlt_id", "data_type": "text", "nullable": false, "unique": true}}}}}
            """;
    private static final String ROOT_ROWS = """
            {"id":1,"ts":"2024-01-01T10:00:00Z","name":"O'Brien \\"quoted\\"","doc":{"a":[1,2]},"amount":"12.500000000","data":"AAEC","day":"2024-02-29","clock":"10:11:12","flag":true,"score":1.5,"_dlt_load_id":"1700000000.1","_dlt_id":"r1"}
            {"id":2,"name":"no optional values","_dlt_load_id":"1700000000.1","_dlt_id":"r2"}
            {"id":1,"name":"duplicate key, last wins","_dlt_load_id":"1700000000.1","_dlt_id":"r3"}
            """;
    private static final String CHILD_ROWS = """
            {"value":"x","_dlt_root_id":"r1","_dlt_parent_id":"r1","_dlt_list_idx":0,"_dlt_id":"c1"}
            {"value":"y","_dlt_root_id":"r1","_dlt_parent_id":"r1","_dlt_list_idx":1,"_dlt_id":"c2"}
            """;

    @TempDir
    Path dir;

    @Test
    void appendIntoNewTablesCreatesThemWithDistKeyAndSortKey() throws Exception {
        assertGolden("append_new_tables", WriteDisposition.APPEND, Map.of(), RedshiftLoader.MAX_STATEMENT_BYTES);
    }

    @Test
    void rowsAreSplitIntoStatementsUnderTheSizeBudget() throws Exception {
        assertGolden("append_split_statements", WriteDisposition.APPEND, Map.of(), 420);
    }

    @Test
    void replaceEmptiesRootAndChildInTheTransaction() throws Exception {
        assertGolden("replace_existing_tables", WriteDisposition.REPLACE, existing("ds"), RedshiftLoader.MAX_STATEMENT_BYTES);
    }

    @Test
    void mergeIsDeleteInsertThroughStagingWithoutAliasOnTheDeleteTarget() throws Exception {
        assertGolden("merge_existing_tables", WriteDisposition.MERGE, existing("ds"), RedshiftLoader.MAX_STATEMENT_BYTES);
    }

    private static Map<String, List<String>> existing(String dataset) {
        Schema schema = Schema.fromJson(SCHEMA);
        return Map.of(
                dataset + ".events", schema.table("events").columns().stream().map(c -> c.name()).filter(n -> !n.equals("clock")).toList(),
                dataset + ".events__tags", schema.table("events__tags").columns().stream().map(c -> c.name()).toList());
    }

    private void assertGolden(String name, WriteDisposition disposition, Map<String, List<String>> existing, int budget)
            throws Exception {
        Schema schema = Schema.fromJson(SCHEMA);
        Path root = Files.writeString(dir.resolve("root.jsonl"), ROOT_ROWS);
        Path child = Files.writeString(dir.resolve("child.jsonl"), CHILD_ROWS);
        List<String> pk = disposition == WriteDisposition.MERGE ? List.of("id") : List.of();
        ResourceLoad resource = new ResourceLoad("events", disposition, pk, List.of(), List.of(
                new TableLoad(schema.table("events"), root, 3), new TableLoad(schema.table("events__tags"), child, 2)));
        LoadPlan plan = new LoadPlan("1700000000.1", "p", "ds", schema, false, List.of(resource), null, 0, null,
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        RecordingConnection recording = new RecordingConnection(existing);
        new RedshiftLoader(recording.connection(), TARGET).withMaxStatementBytes(budget).load(plan);
        String actual = String.join("\n", recording.log) + "\n";
        Path file = GOLDEN.resolve(name + ".sql");
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual);
        assertTrue(actual.endsWith("COMMIT\n"), actual);
    }
}
