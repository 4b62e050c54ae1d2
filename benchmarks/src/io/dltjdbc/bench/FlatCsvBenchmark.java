package io.dltjdbc.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * Issue #9's flat case: a 10-column CSV of N rows loaded by LOAD PIPELINE into DuckDB and into a real
 * PostgreSQL (embedded, fsync off), each against the destination's own bulk path on the same file in
 * the same run: DuckDB {@code CREATE TABLE AS SELECT * FROM read_csv(...)}, PostgreSQL
 * {@code COPY ... FROM STDIN (FORMAT csv)} through pgjdbc's CopyManager.
 * Usage: FlatCsvBenchmark [rows=1000000]
 */
public final class FlatCsvBenchmark {
    private FlatCsvBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("dlt-jdbc-csv-bench");
        Path csv = dir.resolve("flat.csv");
        writeCsv(csv, rows);
        System.out.printf("input: %,d rows x 10 columns, %.0f MB%n", rows, Files.size(csv) / 1024.0 / 1024.0);
        try {
            duckdb(dir, csv, rows);
            postgres(dir, csv, rows);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void duckdb(Path dir, Path csv, long rows) throws Exception {
        double nativeSeconds = Measure.seconds(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("native.duckdb"));
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE flat AS SELECT * FROM read_csv('" + csv + "', header = true)");
            }
        });
        Measure.resetPeaks();
        double dltSeconds = Measure.seconds(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb:" + dir.resolve("dlt.duckdb"));
                 Statement s = c.createStatement()) {
                s.execute("LOAD PIPELINE flat FROM '" + csv + "' INTO bench.flat");
            }
        });
        report("DuckDB", "read_csv CTAS", rows, nativeSeconds, dltSeconds, 1.5);
    }

    private static void postgres(Path dir, Path csv, long rows) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start()) {
            String plain = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            try (Connection c = DriverManager.getConnection(plain, "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE native_flat (id bigint, name varchar, city varchar, amount double precision, "
                        + "quantity bigint, active boolean, created_at timestamp with time zone, category varchar, "
                        + "score double precision, note varchar)");
            }
            double nativeSeconds = Measure.seconds(() -> {
                try (Connection c = DriverManager.getConnection(plain, "postgres", "");
                     Reader reader = Files.newBufferedReader(csv)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "COPY native_flat FROM STDIN (FORMAT csv, HEADER true)", reader);
                }
            });
            Measure.resetPeaks();
            double dltSeconds = Measure.seconds(() -> {
                try (Connection c = DriverManager.getConnection("jdbc:dlt:postgres://postgres:unused@127.0.0.1:" + pg.getPort()
                        + "/postgres");
                     Statement s = c.createStatement()) {
                    s.execute("LOAD PIPELINE flat FROM '" + csv + "' INTO bench.flat");
                }
            });
            report("PostgreSQL", "COPY FROM STDIN csv", rows, nativeSeconds, dltSeconds, 1.3);
        }
    }

    private static void report(String destination, String nativePath, long rows, double nativeSeconds, double dltSeconds,
            double target) {
        System.out.printf("%-11s %-22s %7.2f s %,12.0f rows/s%n", destination, nativePath, nativeSeconds, rows / nativeSeconds);
        System.out.printf("%-11s %-22s %7.2f s %,12.0f rows/s   ratio %.2fx (target <= %.1fx), peak heap %.0f MB%n",
                destination, "dlt-jdbc LOAD PIPELINE", dltSeconds, rows / dltSeconds, dltSeconds / nativeSeconds, target,
                Measure.peakHeapMb());
    }

    private static void writeCsv(Path csv, long rows) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        String[] cities = {"Berlin", "Lisbon", "Osaka", "Quito", "Accra", "Perth"};
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("id,name,city,amount,quantity,active,created_at,category,score,note\n");
            for (long i = 0; i < rows; i++) {
                out.write(Long.toString(i));
                out.write(",customer ");
                out.write(Long.toString(i % 100_000));
                out.write(',');
                out.write(cities[random.nextInt(cities.length)]);
                out.write(',');
                out.write(Double.toString(Math.round(random.nextDouble(0, 10_000) * 100) / 100.0));
                out.write(',');
                out.write(Integer.toString(random.nextInt(1, 50)));
                out.write(',');
                out.write(random.nextBoolean() ? "true" : "false");
                out.write(",2024-0");
                out.write(Integer.toString(1 + random.nextInt(9)));
                out.write("-1");
                out.write(Integer.toString(random.nextInt(10)));
                out.write("T10:00:00Z,cat");
                out.write(Integer.toString(random.nextInt(20)));
                out.write(',');
                out.write(Double.toString(random.nextDouble()));
                out.write(",\"note, with comma ");
                out.write(Long.toString(i));
                out.write("\"\n");
            }
        }
    }
}
