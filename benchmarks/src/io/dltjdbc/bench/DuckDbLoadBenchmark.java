package io.dltjdbc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Issue #4's benchmark: N nested chess-game JSONL records loaded by dlt-jdbc's LOAD PIPELINE into a
 * fresh DuckDB file, against DuckDB's own {@code CREATE TABLE ... AS SELECT * FROM read_json(...)} of the
 * same file in the same run. Prints both, the ratio, rows written and peak heap.
 * Usage: DuckDbLoadBenchmark [records=1000000] [workdir]
 */
public final class DuckDbLoadBenchmark {
    private DuckDbLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("dlt-jdbc-bench");
        Files.createDirectories(dir);
        Path input = dir.resolve("games.jsonl");
        double generate = Measure.seconds(() -> ChessGamesFile.write(input, records));
        double inputMb = Files.size(input) / 1024.0 / 1024.0;
        System.out.printf("input: %,d records, %.0f MB (generated in %.1f s)%n", records, inputMb, generate);

        Path nativeDb = dir.resolve("native.duckdb");
        Path dltDb = dir.resolve("dlt.duckdb");
        deleteQuietly(nativeDb);
        deleteQuietly(dltDb);
        double nativeSeconds = Measure.seconds(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + nativeDb);
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE games AS SELECT * FROM read_json('" + input + "', format = 'newline_delimited')");
            }
        });
        Measure.resetPeaks();
        long[] rows = new long[2];
        double dltSeconds = Measure.seconds(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb:" + dltDb);
                 Statement s = c.createStatement()) {
                s.execute("LOAD PIPELINE bench FROM '" + input + "' INTO bench.games");
                try (ResultSet summary = s.getResultSet()) {
                    while (summary.next()) {
                        rows[summary.getString("table_name").equals("games") ? 0 : 1] += summary.getLong("rows");
                    }
                }
            }
        });
        double peakHeap = Measure.peakHeapMb();
        System.out.printf("%-44s %8.2f s  %,12.0f records/s%n", "DuckDB read_json CTAS (nested, no flattening)", nativeSeconds,
                records / nativeSeconds);
        System.out.printf("%-44s %8.2f s  %,12.0f records/s  (%,d root + %,d child rows)%n", "dlt-jdbc LOAD PIPELINE (dlt's shape)",
                dltSeconds, records / dltSeconds, rows[0], rows[1]);
        System.out.printf("ratio dlt-jdbc / DuckDB native: %.2fx (target <= 1.5x)%n", dltSeconds / nativeSeconds);
        System.out.printf("peak heap during LOAD PIPELINE: %.0f MB (max heap %d MB), peak RSS %.0f MB%n", peakHeap,
                Runtime.getRuntime().maxMemory() / 1024 / 1024, Measure.rssMb());
        if (args.length <= 1) {
            deleteTree(dir);
        }
    }

    private static void deleteQuietly(Path file) throws Exception {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".wal"));
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
