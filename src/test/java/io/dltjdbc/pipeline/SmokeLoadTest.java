package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SmokeLoadTest {
    @Test
    void inlineJsonLoadsIntoDuckDb() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:");
             Statement s = c.createStatement()) {
            assertTrue(s.execute("LOAD PIPELINE p FROM JSON '[{\"id\":1,\"name\":\"a\",\"tags\":[\"x\",\"y\"],\"at\":\"2024-01-01T10:00:00Z\",\"o\":{\"k\":1.5}}]' INTO ds.items"));
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    System.out.println(rs.getString("table_name") + " " + rs.getLong("rows"));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM ds.items")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        b.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    System.out.println(b);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM ds.items__tags")) {
                while (rs.next()) {
                    System.out.println(rs.getString("value") + " " + rs.getString("_dlt_parent_id"));
                }
            }
            try (ResultSet rs = s.executeQuery("SHOW PIPELINES")) {
                assertTrue(rs.next());
                assertEquals("p", rs.getString(1));
            }
        }
    }
}
