package io.dltjdbc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Issue #9, item 3: a N-row SELECT read to the end through {@code jdbc:dlt:duckdb:} against the bare
 * DuckDB driver on the same database file, alternating runs after a warm-up; prints the overhead.
 * Usage: PassthroughBenchmark [rows=1000000] [rounds=5]
 */
public final class PassthroughBenchmark {
    private PassthroughBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path db = Files.createTempDirectory("dlt-jdbc-passthrough").resolve("p.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT range AS id, 'name ' || range AS name, range * 1.5 AS amount, "
                    + "TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(range) AS created FROM range(" + rows + ")");
        }
        String bare = "jdbc:duckdb:" + db;
        String dlt = "jdbc:dlt:duckdb:" + db;
        read(bare);
        read(dlt);
        double bareTotal = 0;
        double dltTotal = 0;
        for (int round = 0; round < rounds; round++) {
            bareTotal += Measure.seconds(() -> read(bare));
            dltTotal += Measure.seconds(() -> read(dlt));
        }
        System.out.printf("bare duckdb_jdbc  %,d rows: %.3f s per read%n", rows, bareTotal / rounds);
        System.out.printf("jdbc:dlt:duckdb:  %,d rows: %.3f s per read%n", rows, dltTotal / rounds);
        System.out.printf("overhead: %+.1f%% (target <= 3%%)%n", (dltTotal / bareTotal - 1) * 100);
        Files.deleteIfExists(db);
    }

    private static void read(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            long checksum = 0;
            try (ResultSet rs = s.executeQuery("SELECT id, name, amount, created FROM t")) {
                while (rs.next()) {
                    checksum += rs.getLong(1) + rs.getString(2).length() + (long) rs.getDouble(3);
                    rs.getObject(4);
                }
            }
            if (checksum == 42) {
                System.out.print("");
            }
        }
    }
}
