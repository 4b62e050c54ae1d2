package io.dltjdbc.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Issue #9, item 4: a merge table of N rows, then a second load of M changed and new rows merged by
 * primary key; prints the seconds of each load. Usage: MergeBenchmark [rows=1000000] [changed=100000]
 */
public final class MergeBenchmark {
    private MergeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long changed = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("dlt-jdbc-merge");
        Path first = write(dir.resolve("first.jsonl"), 0, rows, "v1");
        Path second = write(dir.resolve("second.jsonl"), rows - changed / 2, changed, "v2");
        String load = "LOAD PIPELINE merge_bench FROM '%s' INTO bench.customers WITH (write_disposition = 'merge', primary_key = 'id')";
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb:" + dir.resolve("merge.duckdb"));
             Statement s = c.createStatement()) {
            double initial = Measure.seconds(() -> s.execute(String.format(load, first)));
            double merge = Measure.seconds(() -> s.execute(String.format(load, second)));
            System.out.printf("initial merge load of %,d rows: %.2f s%n", rows, initial);
            System.out.printf("merge of %,d rows (%,d updates, %,d new) into %,d: %.2f s%n", changed, changed / 2,
                    changed - changed / 2, rows, merge);
        }
    }

    private static Path write(Path file, long from, long count, String version) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (long id = from; id < from + count; id++) {
                out.write("{\"id\":" + id + ",\"name\":\"customer " + id + "\",\"version\":\"" + version
                        + "\",\"address\":{\"city\":\"Lisbon\",\"zip\":\"" + (1000 + id % 9000) + "\"},\"tags\":[\"a\",\"b\"]}\n");
            }
        }
        return file;
    }
}
