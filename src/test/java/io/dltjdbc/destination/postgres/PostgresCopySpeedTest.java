package io.dltjdbc.destination.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Opt-in measurement ({@code -Dperf=true}, rows with {@code -Dperf.rows=N}): LOAD PIPELINE of a JSONL file
 * (extract + normalize + stage + COPY) against a plain {@code COPY FROM STDIN} of the same data as CSV.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresCopySpeedTest {

    @Test
    void loadPipelineAgainstPlainCopy(EmbeddedPostgresServer pg, @TempDir Path dir) throws Exception {
        assumeTrue(Boolean.getBoolean("perf"), "opt-in: -Dperf=true");
        int rows = Integer.getInteger("perf.rows", 200_000);
        StringBuilder jsonl = new StringBuilder();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            jsonl.append("{\"id\":").append(i).append(",\"name\":\"player ").append(i).append("\",\"rating\":").append(1000 + i % 2000)
                    .append(",\"score\":").append(i * 0.25).append(",\"rated\":").append(i % 3 == 0)
                    .append(",\"at\":\"2024-01-01T10:").append(String.format("%02d", i % 60)).append(":00Z\",\"eco\":\"B")
                    .append(i % 100).append("\",\"url\":\"https://example.org/game/").append(i).append("\"}\n");
            csv.append(i).append(",player ").append(i).append(',').append(1000 + i % 2000).append(',').append(i * 0.25).append(',')
                    .append(i % 3 == 0).append(",2024-01-01T10:").append(String.format("%02d", i % 60)).append(":00Z,B").append(i % 100)
                    .append(",https://example.org/game/").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("games.jsonl"), jsonl);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:dlt:postgres:" + pg.location() + "?dataset=perf_ds");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS perf_ds CASCADE");
            s.execute("LOAD PIPELINE perf FROM '" + file + "' INTO games");
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = pg.loader(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM perf_ds.games")) {
                rs.next();
                assertEquals(rows, rs.getLong(1));
            }
            s.execute("CREATE TABLE perf_ds.plain (id bigint, name varchar, rating bigint, score double precision, rated boolean, "
                    + "at timestamptz, eco varchar, url varchar)");
            start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY perf_ds.plain FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
            double copySeconds = (System.nanoTime() - start) / 1e9;
            // the loader's bulk path alone: staged JSONL -> CSV -> COPY, same rows
            io.dltjdbc.schema.Schema schema = io.dltjdbc.schema.Schema.fromJson("{\"name\":\"perf\",\"tables\":{\"staged\":"
                    + "{\"name\":\"staged\",\"columns\":{\"id\":{\"name\":\"id\",\"data_type\":\"bigint\"},"
                    + "\"name\":{\"name\":\"name\",\"data_type\":\"text\"},\"rating\":{\"name\":\"rating\",\"data_type\":\"bigint\"},"
                    + "\"score\":{\"name\":\"score\",\"data_type\":\"double\"},\"rated\":{\"name\":\"rated\",\"data_type\":\"bool\"},"
                    + "\"at\":{\"name\":\"at\",\"data_type\":\"timestamp\"},\"eco\":{\"name\":\"eco\",\"data_type\":\"text\"},"
                    + "\"url\":{\"name\":\"url\",\"data_type\":\"text\"}}}}}");
            s.execute("CREATE TABLE perf_ds.staged (id bigint, name varchar, rating bigint, score double precision, rated boolean, "
                    + "at timestamptz, eco varchar, url varchar)");
            PostgresLoader loader = new PostgresLoader(c, new ServerTarget("postgres", "127.0.0.1", pg.port(), "dlt_data", "loader",
                    java.util.List.of()));
            start = System.nanoTime();
            loader.insertStaged("perf_ds", schema.table("staged"), file);
            double stagedSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("PERF rows=%d load_pipeline=%.2fs (%.0f rows/s) loader_copy_from_staged=%.2fs (%.0f rows/s) "
                    + "plain_csv_copy=%.2fs (%.0f rows/s)%n", rows, loadSeconds, rows / loadSeconds, stagedSeconds, rows / stagedSeconds,
                    copySeconds, rows / copySeconds);
        }
    }
}
