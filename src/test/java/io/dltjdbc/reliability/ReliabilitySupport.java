package io.dltjdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared fixture of the reliability tests: one dlt connection to a DuckDB file in a temporary directory or to
 * the embedded PostgreSQL (a fresh dataset per test), and helpers that snapshot a whole dataset so that a
 * failed load can be shown to have changed nothing.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.dltjdbc.testkit.EmbeddedPostgresExtension.class)
abstract class ReliabilitySupport {
    /** Where the data goes. */
    enum Target { DUCKDB, POSTGRES }

    private static final AtomicInteger DATASETS = new AtomicInteger();

    final Target target;
    @TempDir
    Path dir;
    EmbeddedPostgresServer pg;
    String ds;
    Connection c;

    ReliabilitySupport(Target target) {
        this.target = target;
    }

    @BeforeEach
    void openConnection(EmbeddedPostgresServer server) throws Exception {
        this.pg = target == Target.POSTGRES ? server : null;
        this.ds = "rel" + DATASETS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        c = DriverManager.getConnection(url());
    }

    @AfterEach
    void closeConnection() throws Exception {
        if (c != null) {
            c.close();
        }
    }

    String url() {
        return url(target, dir, pg, ds);
    }

    static String url(Target target, Path dir, EmbeddedPostgresServer pg, String ds) {
        String query = "?dataset=" + ds + "&project_dir=" + dir;
        return target == Target.DUCKDB ? "jdbc:dlt:duckdb:" + dir.resolve("test.duckdb") + query
                : "jdbc:dlt:postgres:" + pg.location() + query;
    }

    /** Runs a statement that must succeed; returns the total rows it reports. */
    long load(String sql) throws SQLException {
        return load(c, sql);
    }

    static long load(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            assertTrue(s.execute(sql), "LOAD PIPELINE returns a result set");
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    assertEquals("loaded", rs.getString("status"));
                }
            }
            return s.getUpdateCount();
        }
    }

    SQLException loadFails(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    /** Runs a failing statement and checks that the dataset, system tables included, did not change. */
    SQLException failsLeavingEverythingAsItWas(String sql) throws Exception {
        String before = snapshot();
        SQLException e = loadFails(sql);
        assertEquals(before, snapshot(), "a failed load changed the dataset: " + e.getMessage());
        return e;
    }

    String snapshot() throws SQLException {
        return snapshot(c, ds);
    }

    /** Every row of every table of the dataset, as sorted text: independent of the destination's row order. */
    static String snapshot(Connection connection, String dataset) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + dataset + "' ORDER BY table_name")) {
            List<String> rows = new ArrayList<>();
            for (List<Object> row : rows(connection, "SELECT * FROM \"" + dataset + "\".\"" + table + "\"")) {
                rows.add(row.toString());
            }
            Collections.sort(rows);
            out.append(table).append(": ").append(rows).append('\n');
        }
        return out.toString();
    }

    long count(String table) throws SQLException {
        return ((Number) one("SELECT count(*) FROM " + ds + "." + table)).longValue();
    }

    Object one(String sql) throws SQLException {
        List<List<Object>> rows = rows(c, sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    List<String> strings(String sql) throws SQLException {
        return strings(c, sql);
    }

    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows(connection, sql)) {
            out.add(row.get(0) == null ? null : row.get(0).toString());
        }
        return out;
    }

    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        return io.dltjdbc.testkit.Queries.rows(connection, sql);
    }

    List<String> columns(String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + ds
                + "' AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    List<String> tables() throws SQLException {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + ds
                + "' ORDER BY table_name");
    }

    Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    /** A path or text as a SQL string literal. */
    static String lit(Object text) {
        return "'" + text.toString().replace("'", "''") + "'";
    }
}
