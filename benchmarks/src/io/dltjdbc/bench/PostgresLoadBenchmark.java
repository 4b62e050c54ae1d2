package io.dltjdbc.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Issues #5/#9: N nested chess-game JSONL records loaded by LOAD PIPELINE into a real PostgreSQL
 * (embedded, fsync off), against pgjdbc {@code COPY FROM STDIN} of exactly the same rows (root and
 * child tables, exported as CSV after the load) into empty copies of the tables, in the same run.
 * Usage: PostgresLoadBenchmark [records=1000000]
 */
public final class PostgresLoadBenchmark {
    private PostgresLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("dlt-jdbc-pg-bench");
        Path input = ChessGamesFile.write(dir.resolve("games.jsonl"), records);
        System.out.printf("input: %,d records, %.0f MB%n", records, Files.size(input) / 1024.0 / 1024.0);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                .setServerConfig("max_wal_size", "4GB").start()) {
            String dlt = "jdbc:dlt:postgres://postgres:unused@127.0.0.1:" + pg.getPort() + "/postgres";
            Measure.resetPeaks();
            double dltSeconds = Measure.seconds(() -> {
                try (Connection c = DriverManager.getConnection(dlt); Statement s = c.createStatement()) {
                    s.execute("LOAD PIPELINE bench FROM '" + input + "' INTO bench.games");
                }
            });
            double peakHeap = Measure.peakHeapMb();
            String plain = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            List<String> tables = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(plain, "postgres", ""); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'bench' "
                        + "AND table_name NOT LIKE '\\_dlt%' ORDER BY 1")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                s.execute("CREATE SCHEMA native");
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables) {
                    s.execute("CREATE TABLE native.\"" + table + "\" (LIKE bench.\"" + table + "\")");
                    try (Writer out = Files.newBufferedWriter(dir.resolve(table + ".csv"))) {
                        copy.copyOut("COPY bench.\"" + table + "\" TO STDOUT (FORMAT csv)", out);
                    }
                }
            }
            double nativeSeconds = Measure.seconds(() -> {
                try (Connection c = DriverManager.getConnection(plain, "postgres", "")) {
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    for (String table : tables) {
                        try (Reader in = Files.newBufferedReader(dir.resolve(table + ".csv"))) {
                            copy.copyIn("COPY native.\"" + table + "\" FROM STDIN (FORMAT csv)", in);
                        }
                    }
                }
            });
            System.out.printf("%-40s %8.2f s  %,10.0f records/s%n", "pgjdbc COPY FROM STDIN (same rows, CSV)", nativeSeconds,
                    records / nativeSeconds);
            System.out.printf("%-40s %8.2f s  %,10.0f records/s%n", "dlt-jdbc LOAD PIPELINE", dltSeconds, records / dltSeconds);
            System.out.printf("ratio dlt-jdbc / COPY: %.2fx (target <= 1.3x); tables %s; peak heap %.0f MB%n",
                    dltSeconds / nativeSeconds, tables, peakHeap);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
