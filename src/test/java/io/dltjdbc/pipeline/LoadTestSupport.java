package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared fixture of the LOAD PIPELINE tests: one dlt connection (through {@link DriverManager} only) to
 * a DuckDB file in a temporary directory or to {@code :memory:}, plus small query helpers. Concrete
 * classes are {@code @ParameterizedClass @EnumSource(Db.class)} so every behaviour runs on both.
 */
abstract class LoadTestSupport {
    /** Where DuckDB keeps the data. */
    enum Db { FILE, MEMORY }

    final Db db;
    @TempDir
    Path dir;
    Connection c;

    LoadTestSupport(Db db) {
        this.db = db;
    }

    @BeforeEach
    void openConnection() throws Exception {
        c = DriverManager.getConnection(url());
    }

    @AfterEach
    void closeConnection() throws Exception {
        if (c != null) {
            c.close();
        }
    }

    String url() {
        String location = db == Db.FILE ? dir.resolve("test.duckdb").toString() : ":memory:";
        return "jdbc:dlt:duckdb:" + location + "?project_dir=" + dir;
    }

    /** Runs a statement and returns its summary rows as column -> value maps. */
    List<Map<String, Object>> load(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            assertTrue(s.execute(sql), "LOAD PIPELINE returns a result set");
            return maps(s.getResultSet());
        }
    }

    SQLException loadFails(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    long count(String table) throws SQLException {
        return ((Number) one("SELECT count(*) FROM " + table)).longValue();
    }

    Object one(String sql) throws SQLException {
        List<List<Object>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    List<List<Object>> rows(String sql) throws SQLException {
        return rows(c, sql);
    }

    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        return io.dltjdbc.testkit.Queries.rows(connection, sql);
    }

    /** The first column of every row, as text. */
    List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows(sql)) {
            out.add(row.get(0) == null ? null : row.get(0).toString());
        }
        return out;
    }

    static List<Map<String, Object>> maps(ResultSet rs) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (rs) {
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

    /** Column names of a table, in order. */
    List<String> columns(String dataset, String table) throws SQLException {
        return column("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + dataset
                + "' AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    String columnType(String dataset, String table, String column) throws SQLException {
        return (String) one("SELECT data_type FROM information_schema.columns WHERE table_schema = '" + dataset
                + "' AND table_name = '" + table + "' AND column_name = '" + column + "'");
    }

    boolean tableExists(String dataset, String table) throws SQLException {
        return !rows("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + dataset + "' AND table_name = '"
                + table + "'").isEmpty();
    }

    Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A path as a SQL string literal. */
    static String lit(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    /** Text as a SQL string literal. */
    static String lit(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
