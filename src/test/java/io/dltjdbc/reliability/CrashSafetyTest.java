package io.dltjdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs a long LOAD PIPELINE and is killed with SIGKILL midway, while it normalizes into its
 * staging directory and while the destination transaction is open. The dataset then holds exactly the
 * previous load's data and state, and re-running the load completes it once: in append mode no duplicate
 * beyond one complete load.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class CrashSafetyTest {
    /** Rows of the long load: big enough that normalizing and loading take a few seconds each. */
    static final int ROWS = Integer.getInteger("reliability.crashRows", 150_000);

    @TempDir
    Path dir;

    /** When to pull the plug. */
    enum Moment { WHILE_STAGING, WHILE_LOADING }

    @Test
    void duckDbKilledWhileStagingOrLoadingKeepsThePreviousLoad() throws Exception {
        String url = "jdbc:dlt:duckdb:" + dir.resolve("crash.duckdb") + "?dataset=ds&project_dir=" + dir;
        crashAndRecover(url, "ds", Moment.WHILE_STAGING, Moment.WHILE_LOADING);
    }

    @Test
    void postgresKilledWhileLoadingKeepsThePreviousLoad(EmbeddedPostgresServer pg) throws Exception {
        String ds = "crash_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String url = "jdbc:dlt:postgres:" + pg.location() + "?dataset=" + ds + "&project_dir=" + dir;
        crashAndRecover(url, ds, Moment.WHILE_LOADING);
    }

    private void crashAndRecover(String url, String ds, Moment... moments) throws Exception {
        Path input = generate(dir.resolve("big.jsonl"), ROWS);
        String big = "LOAD PIPELINE p FROM " + ReliabilitySupport.lit(input) + " INTO " + ds + ".events";
        String before;
        try (Connection c = DriverManager.getConnection(url)) {
            ReliabilitySupport.load(c, "LOAD PIPELINE p FROM JSON '[{\"id\":-1,\"name\":\"first\",\"tags\":[0],"
                    + "\"nested\":{\"a\":0}}]' INTO " + ds + ".events");
            before = ReliabilitySupport.snapshot(c, ds);
        }
        for (Moment moment : moments) {
            killMidway(url, big, moment);
            try (Connection c = DriverManager.getConnection(url)) {
                assertEquals(before, ReliabilitySupport.snapshot(c, ds), "a killed load (" + moment + ") changed the dataset");
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            ReliabilitySupport.load(c, big);
            assertEquals(List.of(String.valueOf(ROWS + 1)), ReliabilitySupport.strings(c, "SELECT count(*) FROM " + ds + ".events"));
            assertEquals(List.of(String.valueOf(ROWS + 1)), ReliabilitySupport.strings(c,
                    "SELECT count(DISTINCT id) FROM " + ds + ".events"));
            assertEquals(List.of(String.valueOf(2 * ROWS + 1)), ReliabilitySupport.strings(c,
                    "SELECT count(*) FROM " + ds + ".events__tags"));
            assertEquals(List.of("2"), ReliabilitySupport.strings(c, "SELECT count(*) FROM " + ds + "._dlt_loads WHERE status = 0"));
            assertEquals(List.of("0"), ReliabilitySupport.strings(c, "SELECT count(*) FROM " + ds + ".events e WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + ds + "._dlt_loads l WHERE l.load_id = e._dlt_load_id)"));
        }
    }

    /** Starts the load in a child JVM whose temporary directory we watch, and SIGKILLs it at the moment. */
    private void killMidway(String url, String sql, Moment moment) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + moment));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), LoadMain.class.getName(), url, sql);
        Path log = dir.resolve("child-" + moment + ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long stableSince = -1;
            long lastSize = -1;
            while (System.nanoTime() < deadline) {
                assertTrue(child.isAlive(), "the load ended before it could be killed (" + moment + "); raise ROWS. Output: "
                        + Files.readString(log));
                long size = stagedBytes(tmp);
                if (moment == Moment.WHILE_STAGING && size > 2_000_000) {
                    break;
                }
                if (moment == Moment.WHILE_LOADING && size > 0) {
                    if (size != lastSize) {
                        lastSize = size;
                        stableSince = System.nanoTime();
                    } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(400)) {
                        break;   // staging done: the destination is loading
                    }
                }
                Thread.sleep(50);
            }
            assertTrue(child.isAlive(), "the load ended before it could be killed (" + moment + "): " + Files.readString(log));
            child.destroyForcibly();   // SIGKILL: no finally blocks, no shutdown hooks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.readString(log).contains("LOADED"), Files.readString(log));
        } finally {
            child.destroyForcibly();
        }
    }

    private static long stagedBytes(Path tmp) throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static Path generate(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                w.write("{\"id\":" + i + ",\"name\":\"row " + i + "\",\"tags\":[" + i + "," + (i + 1) + "],\"nested\":{\"a\":"
                        + i + ",\"b\":\"x\"}}\n");
            }
        }
        return file;
    }
}
