package io.dltjdbc.destination.redshift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import io.dltjdbc.testkit.RedshiftOnPostgresSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedPostgresExtension.class)
class RedshiftOnPostgresConnectTest {

    private static String url(EmbeddedPostgresServer pg, String password, String query) {
        return "jdbc:dlt:redshift://loader:" + password + "@127.0.0.1:" + pg.port() + "/dlt_data?driver_properties="
                + RedshiftOnPostgresSocketFactory.DRIVER_PROPERTIES + query;
    }

    @Test
    void opensThroughTheRedshiftDriverWithDatasetAsSearchPath(EmbeddedPostgresServer pg) throws Exception {
        try (Connection c = DriverManager.getConnection(url(pg, EmbeddedPostgresServer.PASSWORD, "&dataset=rs_plain"));
             Statement s = c.createStatement()) {
            String inner = c.unwrap(io.dltjdbc.driver.DltConnection.class).destination().sqlConnection().getClass().getName();
            assertTrue(inner.startsWith("com.amazon.redshift"), inner);
            s.execute("CREATE TABLE t (id bigint)");
            s.execute("INSERT INTO t VALUES (7)");
            try (ResultSet rs = s.executeQuery("SELECT id, current_schema() FROM t")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getLong(1));
                assertEquals("rs_plain", rs.getString(2));
            }
            try (ResultSet schemas = c.getMetaData().getSchemas()) {
                boolean found = false;
                while (schemas.next()) {
                    found |= schemas.getString("TABLE_SCHEM").equals("rs_plain");
                }
                assertTrue(found);
            }
        }
    }

    @Test
    void secretsTomlWithDriverPropertiesConnects(EmbeddedPostgresServer pg, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".dlt"));
        Files.writeString(dir.resolve(".dlt/secrets.toml"), String.join("\n",
                "[destination.redshift.credentials]",
                "database = \"dlt_data\"",
                "username = \"loader\"",
                "password = \"" + EmbeddedPostgresServer.PASSWORD + "\"",
                "host = \"127.0.0.1\"",
                "port = " + pg.port(),
                "connect_timeout = 5",
                "driver_properties = \"" + RedshiftOnPostgresSocketFactory.DRIVER_PROPERTIES + "\"", ""));
        try (Connection c = DriverManager.getConnection("jdbc:dlt:redshift:?project_dir=" + dir);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
            assertTrue(rs.next());
            assertEquals("loader", rs.getString(1));
        }
    }

    @Test
    void wrongPasswordNamesTargetButNotThePassword(EmbeddedPostgresServer pg) {
        String wrong = "Rs-Wrong-Secret-9";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(pg, wrong, "")));
        String message = e.getMessage();
        assertTrue(message.contains("redshift server 127.0.0.1:" + pg.port()), message);
        assertTrue(message.contains("'dlt_data'") && message.contains("'loader'"), message);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(wrong), t.toString());
            assertFalse(t.toString().contains(wrong));
        }
    }

    @Test
    void manyRowsNeedSeveralInsertStatementsAndAllArrive(EmbeddedPostgresServer pg, @TempDir Path dir) throws Exception {
        int rows = 25_000; // 4 columns + dlt's 2: more parameters than one statement may bind (32767)
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            jsonl.append("{\"id\":").append(i).append(",\"name\":\"n").append(i).append("\",\"v\":").append(i * 0.5)
                    .append(",\"ok\":").append(i % 2 == 0).append("}\n");
        }
        Path file = Files.writeString(dir.resolve("many.jsonl"), jsonl);
        try (Connection c = DriverManager.getConnection(url(pg, EmbeddedPostgresServer.PASSWORD, "&dataset=rs_many"));
             Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE many FROM '" + file + "' INTO big");
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), sum(id) FROM big")) {
                assertTrue(rs.next());
                assertEquals(rows, rs.getLong(1));
                assertEquals(rows, rs.getLong(2));
                assertEquals((long) rows * (rows - 1) / 2, rs.getLong(3));
            }
        }
    }
}
