package io.dltjdbc.destination.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.RangePartitioning;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TimePartitioning;
import io.dltjdbc.testkit.bigquery.FakeBigQueryServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code partition} and {@code cluster} column hints on BigQuery: loads go through {@code java.sql}, the
 * resulting table definitions are read with Google's client from the fake server, which keeps partitioning and
 * clustering with BigQuery's rules.
 */
class BigQueryHintsTest {
    private static final AtomicInteger DATASETS = new AtomicInteger();
    private static FakeBigQueryServer server;
    private static BigQuery client;
    private String ds;

    @BeforeAll
    static void start() throws Exception {
        server = new FakeBigQueryServer();
        client = BigQueryOptions.newBuilder().setProjectId("test-project").setHost(server.endpoint())
                .setCredentials(NoCredentials.getInstance()).build().getService();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void dataset() {
        ds = "bqh_ds" + DATASETS.incrementAndGet();
    }

    /** Runs a LOAD PIPELINE and returns its warnings' messages. */
    private List<String> load(String json, String with) throws SQLException {
        String url = "jdbc:dlt:bigquery:test-project?endpoint=" + server.endpoint() + "&dataset=" + ds;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '" + json + "' INTO events" + (with.isEmpty() ? "" : " WITH (" + with + ")"));
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
            return warnings;
        }
    }

    private StandardTableDefinition definition(String dataset, String table) {
        com.google.cloud.bigquery.Table found = client.getTable(TableId.of("test-project", dataset, table));
        assertNotNull(found, dataset + "." + table);
        return found.getDefinition();
    }

    private StandardTableDefinition definition() {
        return definition(ds, "events");
    }

    private static List<String> clustering(StandardTableDefinition definition) {
        return definition.getClustering() == null ? null : definition.getClustering().getFields();
    }

    private long count() throws SQLException {
        return Long.parseLong(server.sql("SELECT count(*) FROM \"" + ds + "\".events").get(0).get(0));
    }

    /** Tables of the dataset (which the connection itself creates), system tables included. */
    private List<List<String>> tables() throws SQLException {
        return server.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + ds + "'");
    }

    private static final String TWO_DAYS = "[{\"id\":1,\"ts\":\"2024-01-01T10:00:00Z\",\"region\":\"eu\"},"
            + "{\"id\":2,\"ts\":\"2024-01-02T10:00:00Z\",\"region\":\"us\"}]";
    private static final String HINTS = "columns = 'ts timestamp partition, region text cluster, id bigint cluster'";

    @Test
    void partitionHintOnTimestampCreatesDayPartitionedTable() throws Exception {
        load(TWO_DAYS, "columns = 'ts timestamp partition'");

        TimePartitioning partitioning = definition().getTimePartitioning();
        assertEquals(TimePartitioning.Type.DAY, partitioning.getType());
        assertEquals("ts", partitioning.getField());
        assertNull(definition().getRangePartitioning());
        assertEquals(2, count());
    }

    @Test
    void partitionHintOnDateCreatesDayPartitionedTable() throws Exception {
        load("[{\"day\":\"2024-01-01\"}]", "columns = 'day date partition'");

        assertEquals(TimePartitioning.Type.DAY, definition().getTimePartitioning().getType());
        assertEquals("day", definition().getTimePartitioning().getField());
    }

    @Test
    void partitionHintOnBigintCreatesRangePartitionedTableWithDltsUnixSecondsRange() throws Exception {
        load("[{\"created\":1704103200}]", "columns = 'created bigint partition'");

        RangePartitioning partitioning = definition().getRangePartitioning();
        assertEquals("created", partitioning.getField());
        assertEquals(-172800000L, partitioning.getRange().getStart());
        assertEquals(691200000L, partitioning.getRange().getEnd());
        assertEquals(86400L, partitioning.getRange().getInterval());
        assertNull(definition().getTimePartitioning());
    }

    @Test
    void clusterHintsClusterTheTableByTheHintedColumnsInColumnOrder() throws Exception {
        load(TWO_DAYS, HINTS);

        assertEquals(List.of("region", "id"), clustering(definition()));
        assertEquals("ts", definition().getTimePartitioning().getField());
    }

    @Test
    void laterLoadAddingAColumnKeepsPartitioningAndClustering() throws Exception {
        load(TWO_DAYS, HINTS);
        load("[{\"id\":3,\"ts\":\"2024-01-03T10:00:00Z\",\"region\":\"eu\",\"extra\":\"x\"}]", "");

        StandardTableDefinition after = definition();
        assertTrue(after.getSchema().getFields().stream().anyMatch(f -> f.getName().equals("extra")));
        assertEquals("ts", after.getTimePartitioning().getField());
        assertEquals(TimePartitioning.Type.DAY, after.getTimePartitioning().getType());
        assertEquals(List.of("region", "id"), clustering(after));
        assertEquals(3, count());
    }

    @Test
    void replaceLoadKeepsPartitioningAndClustering() throws Exception {
        load(TWO_DAYS, HINTS + ", write_disposition = replace");
        load("[{\"id\":9,\"ts\":\"2024-02-01T10:00:00Z\",\"region\":\"ap\",\"extra\":1}]", "write_disposition = replace");

        assertEquals("ts", definition().getTimePartitioning().getField());
        assertEquals(List.of("region", "id"), clustering(definition()));
        assertEquals(1, count());
    }

    @Test
    void mergeLoadKeepsPartitioningAndClusteringAndStagingCopiesGetNone() throws Exception {
        String merge = HINTS + ", write_disposition = merge, primary_key = 'id'";
        load(TWO_DAYS, merge);
        load("[{\"id\":2,\"ts\":\"2024-01-05T10:00:00Z\",\"region\":\"eu\",\"extra\":\"x\"},"
                + "{\"id\":3,\"ts\":\"2024-01-06T10:00:00Z\",\"region\":\"us\"}]", "write_disposition = merge, primary_key = 'id'");

        assertEquals("ts", definition().getTimePartitioning().getField());
        assertEquals(List.of("region", "id"), clustering(definition()));
        assertEquals(3, count());
        StandardTableDefinition staging = definition(ds + "_staging", "events");
        assertNull(staging.getTimePartitioning());
        assertNull(staging.getRangePartitioning());
        assertNull(staging.getClustering());
    }

    @Test
    void clusterHintOnALaterLoadClustersTheExistingTable() throws Exception {
        load("[{\"a\":\"x\",\"b\":\"y\"}]", "");
        assertNull(definition().getClustering());

        List<String> warnings = load("[{\"a\":\"x\",\"b\":\"z\"}]", "columns = 'b cluster, a cluster'");

        assertEquals(List.of("a", "b"), clustering(definition()), "in the table's column order");
        assertEquals(List.of(), warnings);
        assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("PATCH ") && r.contains("/datasets/" + ds + "/tables/events")),
                "set by tables.patch: " + server.requests());
    }

    @Test
    void partitionHintOnALaterLoadForAnUnpartitionedTableLoadsAndWarns() throws Exception {
        load(TWO_DAYS, "");

        List<String> warnings = load("[{\"id\":3,\"ts\":\"2024-01-03T10:00:00Z\"}]", "columns = 'ts partition'");

        assertEquals(3, count());
        assertNull(definition().getTimePartitioning());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("'ts'") && warnings.get(0).contains("not partitioned"), warnings.get(0));
        // the hint is stored, so every later load says it again until the table is recreated
        assertEquals(1, load("[{\"id\":4,\"ts\":\"2024-01-04T10:00:00Z\"}]", "").size());
    }

    @Test
    void partitionHintOnTwoColumnsFailsBeforeAnythingIsWritten() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> load(TWO_DAYS, "columns = 'ts timestamp partition, id bigint partition'"));

        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("ts, id") && e.getMessage().contains("one column"), e.getMessage());
        assertEquals(List.of(), tables(), "no table or row was written");
    }

    @Test
    void partitionHintOnATextColumnFailsNamingTheAllowedTypes() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> load(TWO_DAYS, "columns = 'region text partition'"));

        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("'region'") && e.getMessage().contains("text")
                && e.getMessage().contains("date or timestamp") && e.getMessage().contains("bigint"), e.getMessage());
        assertEquals(List.of(), tables());
    }

    @Test
    void moreThanFourClusterColumnsFail() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> load("[{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}]",
                "columns = 'a cluster, b cluster, c cluster, d cluster, e cluster'"));

        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("at most 4"), e.getMessage());
        assertEquals(List.of(), tables());
    }

    @Test
    void failedLaterLoadLeavesTheTableAndItsOptionsAsTheyWere() throws Exception {
        load(TWO_DAYS, HINTS);

        assertThrows(SQLException.class, () -> load("[{\"id\":3,\"ts\":\"2024-01-03T10:00:00Z\"}]", "columns = 'id partition'"));

        assertEquals(2, count());
        assertEquals("ts", definition().getTimePartitioning().getField());
        assertEquals(List.of("region", "id"), clustering(definition()));
    }
}
