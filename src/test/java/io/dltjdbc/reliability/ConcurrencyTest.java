package io.dltjdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two connections load into the same dataset at the same moment (DuckDB file: one shared instance in this JVM;
 * Postgres: two sessions). Each load either succeeds, or fails with a clear SQLException; afterwards the
 * dataset is consistent (rows = sum of the loads that succeeded, one {@code _dlt_loads} row each, every row's
 * load id committed, schema and tables agree), and re-running a failed load succeeds.
 */
@ParameterizedClass
@EnumSource(ReliabilitySupport.Target.class)
class ConcurrencyTest extends ReliabilitySupport {
    static final int ROWS = 10_000;

    ConcurrencyTest(Target target) {
        super(target);
    }

    /** Runs the statements at once on their own connections; null for success, else the SQLException. */
    List<SQLException> concurrently(String... sqls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(sqls.length);
        ExecutorService pool = Executors.newFixedThreadPool(sqls.length);
        try {
            List<Future<SQLException>> results = new ArrayList<>();
            for (String sql : sqls) {
                results.add(pool.submit(() -> {
                    try (Connection own = DriverManager.getConnection(url())) {
                        start.await(10, TimeUnit.SECONDS);
                        load(own, sql);
                        return null;
                    } catch (SQLException e) {
                        return e;
                    }
                }));
            }
            List<SQLException> out = new ArrayList<>();
            for (Future<SQLException> f : results) {
                out.add(f.get(60, TimeUnit.SECONDS));   // an Error or RuntimeException fails the test here
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    Path rows(String name, int from, int count, String extraField) throws Exception {
        Path file = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < from + count; i++) {
                w.write("{\"id\":" + i + ",\"v\":\"r" + i + "\",\"xs\":[" + i + "]" + (extraField == null ? ""
                        : ",\"" + extraField + "\":" + i) + "}\n");
            }
        }
        return file;
    }

    /** Rows, child rows and _dlt_loads agree with the loads that succeeded; nothing uncommitted is visible. */
    void assertConsistent(long expectedRows, int expectedLoads) throws Exception {
        assertEquals(expectedRows, count("t"));
        assertEquals(expectedRows, ((Number) one("SELECT count(DISTINCT id) FROM " + ds + ".t")).longValue());
        assertEquals(expectedRows, count("t__xs"));
        assertEquals(expectedLoads, count("_dlt_loads"));
        assertEquals(0L, ((Number) one("SELECT count(*) FROM " + ds + ".t WHERE _dlt_load_id NOT IN (SELECT load_id FROM "
                + ds + "._dlt_loads WHERE status = 0)")).longValue());
        assertEquals(0L, ((Number) one("SELECT count(*) FROM " + ds + ".t__xs x WHERE NOT EXISTS (SELECT 1 FROM " + ds
                + ".t r WHERE r._dlt_id = x._dlt_parent_id)")).longValue());
    }

    static void assertClear(SQLException e) {
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @Test
    void twoAppendsIntoAnExistingTableBothCommitOrOneFailsCleanly() throws Exception {
        load("LOAD PIPELINE p FROM JSON '{\"id\":-1,\"v\":\"seed\",\"xs\":[0]}' INTO " + ds + ".t");
        String a = "LOAD PIPELINE p FROM " + lit(rows("a.jsonl", 0, ROWS, null)) + " INTO " + ds + ".t";
        String b = "LOAD PIPELINE p FROM " + lit(rows("b.jsonl", ROWS, ROWS, null)) + " INTO " + ds + ".t";
        List<SQLException> errors = concurrently(a, b);
        long ok = errors.stream().filter(e -> e == null).count();
        errors.stream().filter(e -> e != null).forEach(ConcurrencyTest::assertClear);
        assertConsistent(1 + ok * ROWS, (int) (1 + ok));
        if (errors.get(0) != null) {
            load(a);
        }
        if (errors.get(1) != null) {
            load(b);
        }
        assertConsistent(1 + 2L * ROWS, 3);
    }

    @Test
    void twoFirstLoadsCreatingTheSameTablesAtOnce() throws Exception {
        String a = "LOAD PIPELINE p FROM " + lit(rows("a.jsonl", 0, ROWS, null)) + " INTO " + ds + ".t";
        String b = "LOAD PIPELINE q FROM " + lit(rows("b.jsonl", ROWS, ROWS, null)) + " INTO " + ds + ".t";
        List<SQLException> errors = concurrently(a, b);
        long ok = errors.stream().filter(e -> e == null).count();
        errors.stream().filter(e -> e != null).forEach(ConcurrencyTest::assertClear);
        assertTrue(ok >= 1, () -> "both concurrent first loads failed: " + errors);
        assertConsistent(ok * ROWS, (int) ok);
        if (errors.get(0) != null) {
            load(a);
        }
        if (errors.get(1) != null) {
            load(b);
        }
        assertConsistent(2L * ROWS, 2);
    }

    @Test
    void aLoadThatLosesARaceSaysSoWithSqlState40001() throws Exception {
        for (int round = 0; round < 3; round++) {
            String a = "LOAD PIPELINE p FROM " + lit(rows("a" + round + ".jsonl", 0, 100, null)) + " INTO " + ds + round + ".t";
            String b = "LOAD PIPELINE q FROM " + lit(rows("b" + round + ".jsonl", 100, 100, null)) + " INTO " + ds + round + ".t";
            for (SQLException e : concurrently(a, b)) {
                if (e != null) {
                    assertEquals("40001", e.getSQLState(), e.getMessage());
                    assertTrue(e.getMessage().contains("at the same time"), e.getMessage());
                }
            }
        }
    }

    @Test
    void twoLoadsAddingDifferentColumnsKeepBothInTheStoredSchema() throws Exception {
        twoLoadsAddingDifferentColumnsBothLand();
        String schema = (String) one("SELECT schema FROM " + ds + "._dlt_version ORDER BY version DESC, inserted_at DESC LIMIT 1");
        assertTrue(schema.contains("\"col_a\"") && schema.contains("\"col_b\""),
                "the newest stored schema lost a column added by a concurrent load: " + schema.substring(0, Math.min(400,
                        schema.length())));
    }

    @Test
    void twoLoadsAddingDifferentColumnsBothLand() throws Exception {
        load("LOAD PIPELINE p FROM JSON '{\"id\":-1,\"v\":\"seed\",\"xs\":[0]}' INTO " + ds + ".t");
        String a = "LOAD PIPELINE p FROM " + lit(rows("a.jsonl", 0, ROWS, "col_a")) + " INTO " + ds + ".t";
        String b = "LOAD PIPELINE p FROM " + lit(rows("b.jsonl", ROWS, ROWS, "col_b")) + " INTO " + ds + ".t";
        List<SQLException> errors = concurrently(a, b);
        errors.stream().filter(e -> e != null).forEach(ConcurrencyTest::assertClear);
        if (errors.get(0) != null) {
            load(a);
        }
        if (errors.get(1) != null) {
            load(b);
        }
        assertConsistent(1 + 2L * ROWS, 3);
        assertTrue(columns("t").containsAll(List.of("col_a", "col_b")), columns("t").toString());
        assertEquals((long) ROWS, ((Number) one("SELECT count(col_a) FROM " + ds + ".t")).longValue());
        assertEquals((long) ROWS, ((Number) one("SELECT count(col_b) FROM " + ds + ".t")).longValue());
    }
}
