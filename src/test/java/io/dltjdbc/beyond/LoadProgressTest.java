package io.dltjdbc.beyond;

import static io.dltjdbc.beyond.CancelLoadTest.ENDLESS;
import static io.dltjdbc.beyond.CancelLoadTest.count;
import static io.dltjdbc.beyond.CancelLoadTest.failure;
import static io.dltjdbc.beyond.CancelLoadTest.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.LoadListener;
import io.dltjdbc.LoadProgress;
import io.dltjdbc.driver.DltConnection;
import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SHOW LOADS RUNNING from any connection of the JVM, and LoadListener events, while a load runs. */
@ExtendWith(EmbeddedPostgresExtension.class)
class LoadProgressTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:dlt:duckdb:" + dir.resolve("progress.duckdb") + "?project_dir=" + dir;
    }

    static List<Map<String, Object>> running(Connection c, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Polls SHOW LOADS RUNNING on {@code c} until a row of pipeline {@code p} matches {@code stage} (any stage when null). */
    static Map<String, Object> awaitRunning(Connection c, String pipeline, String stage, CompletableFuture<Void> load)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !load.isDone()) {
            for (Map<String, Object> row : running(c, "SHOW LOADS RUNNING FOR " + pipeline)) {
                if ((stage == null && ((Number) row.get("rows")).longValue() > 0) || (stage != null && stage.equals(row.get("stage")))) {
                    return row;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no running load of " + pipeline + " in stage " + stage + " (load done: " + load.isDone() + ")");
    }

    @Test
    void anotherConnectionSeesTheRunningLoadAndItsProgress() throws Exception {
        watchARunningLoadFromASecondConnection(url(), "ds");
    }

    @Test
    void anotherConnectionSeesARunningPostgresLoadAndItsProgress(EmbeddedPostgresServer pg) throws Exception {
        String dataset = "progress_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        watchARunningLoadFromASecondConnection("jdbc:dlt:postgres:" + pg.location() + "?dataset=" + dataset, dataset);
    }

    /** A second connection polls SHOW LOADS RUNNING while the first loads: the same load, its rows growing. */
    private static void watchARunningLoadFromASecondConnection(String url, String dataset) throws Exception {
        try (Connection loader = DriverManager.getConnection(url); Statement s = loader.createStatement();
                Connection watcher = DriverManager.getConnection(url)) {
            assertEquals(List.of(), running(watcher, "SHOW LOADS RUNNING FOR live"));
            CompletableFuture<Void> load = start(s, "LOAD PIPELINE live FROM " + ENDLESS + " INTO " + dataset + ".items");
            Map<String, Object> first = awaitRunning(watcher, "live", null, load);
            assertEquals(List.of("load_id", "pipeline_name", "dataset_name", "table_name", "rows", "rows_per_second", "bytes_read",
                    "elapsed_seconds", "stage"), List.copyOf(first.keySet()));
            assertEquals("live", first.get("pipeline_name"));
            assertEquals(dataset, first.get("dataset_name"));
            assertEquals("items", first.get("table_name"));
            assertEquals("extract", first.get("stage"));
            Thread.sleep(600);
            Map<String, Object> later = running(watcher, "SHOW LOADS RUNNING FOR live").get(0);
            assertEquals(first.get("load_id"), later.get("load_id"));
            assertTrue(((Number) later.get("rows")).longValue() > ((Number) first.get("rows")).longValue(), later.toString());
            assertTrue(((Number) later.get("rows_per_second")).doubleValue() > 0, later.toString());
            assertTrue(((Number) later.get("elapsed_seconds")).doubleValue() > 0, later.toString());
            assertEquals(List.of(), running(watcher, "SHOW LOADS RUNNING FOR other_pipeline"));
            s.cancel();
            assertEquals("57014", failure(load).getSQLState());
            assertEquals(List.of(), running(watcher, "SHOW LOADS RUNNING FOR live"), "a stopped load is no longer listed");
        }
    }

    @Test
    void listenersGetStartProgressThroughEveryStageAndTheEnd() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        List<LoadProgress> ends = new CopyOnWriteArrayList<>();
        List<SQLException> failures = new CopyOnWriteArrayList<>();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            c.unwrap(DltConnection.class).addLoadListener(new LoadListener() {
                @Override
                public void started(LoadProgress progress) {
                    events.add("started " + progress.pipelineName() + " " + progress.datasetName());
                }

                @Override
                public void progress(LoadProgress progress) {
                    String event = progress.stage().dltName();
                    if (events.isEmpty() || !events.get(events.size() - 1).equals(event)) {
                        events.add(event);
                    }
                }

                @Override
                public void finished(LoadProgress progress, SQLException failure) {
                    ends.add(progress);
                    failures.add(failure == null ? new SQLException("none") : failure);
                }
            });
            s.execute("LOAD PIPELINE listened FROM QUERY 'SELECT i AS id FROM range(200000) t(i)' ON 'jdbc:duckdb:' INTO ds.numbers");
            assertEquals("started listened ds", events.get(0));
            assertEquals(List.of("normalize", "load"), events.subList(events.size() - 2, events.size()), events.toString());
            assertTrue(events.stream().skip(1).allMatch(e -> e.equals("extract") || e.equals("normalize") || e.equals("load")));
            assertEquals(1, ends.size());
            assertEquals("none", failures.get(0).getMessage());
            assertEquals(200_000, ends.get(0).rows());
            assertEquals(LoadProgress.Stage.LOAD, ends.get(0).stage());

            s.execute("EXPLAIN LOAD PIPELINE listened FROM JSON '[{\"id\": 1}]' INTO ds.numbers");
            assertEquals(1, ends.size(), "a dry run is not reported");
            s.setQueryTimeout(1);
            SQLException timeout = failure(start(s, "LOAD PIPELINE listened FROM " + ENDLESS + " INTO ds.numbers"));
            assertEquals("57014", timeout.getSQLState());
            assertEquals(2, ends.size());
            assertEquals("57014", failures.get(1).getSQLState());
        }
    }

    @Test
    void cancelDuringTheDuckDbLoadStageRollsBack() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
                Connection watcher = DriverManager.getConnection(url())) {
            s.execute("LOAD PIPELINE big FROM JSON '[{\"id\": -1, \"name\": \"first\"}]' INTO ds.big WITH (write_disposition = 'merge',"
                    + " primary_key = 'id')");
            CompletableFuture<Void> load = start(s, "LOAD PIPELINE big FROM QUERY 'SELECT i AS id, repeat(''x'', 50) || i AS name,"
                    + " i * 2 AS a, i * 3 AS b, ''2024-01-01T00:00:00Z'' AS ts FROM range(400000) t(i)' ON 'jdbc:duckdb:'"
                    + " INTO ds.big WITH (write_disposition = 'merge', primary_key = 'id')");
            Map<String, Object> loading = awaitRunning(watcher, "big", "load", load);
            assertNull(loading.get("nothing"));
            long cancelAt = System.nanoTime();
            s.cancel();
            SQLException e = failure(load);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt);
            assertEquals("57014", e.getSQLState(), e.toString());
            assertTrue(millis < CancelLoadTest.LIMIT_MILLIS, "stopped after " + millis + " ms");
            assertEquals(1, count(c, "SELECT count(*) FROM ds.big"));
            assertEquals(1, count(c, "SELECT count(*) FROM ds._dlt_loads"));
            s.execute("LOAD PIPELINE big FROM JSON '[{\"id\": 1, \"name\": \"one\"}]' INTO ds.big WITH (write_disposition = 'merge',"
                    + " primary_key = 'id')");
            assertEquals(2, count(c, "SELECT count(*) FROM ds.big"));
            assertEquals(2, count(c, "SELECT count(*) FROM ds._dlt_loads"));
        }
    }
}
