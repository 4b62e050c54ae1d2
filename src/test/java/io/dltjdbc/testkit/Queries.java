package io.dltjdbc.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reading query results into plain lists, for assertions. */
public final class Queries {
    private Queries() {
    }

    /** Every row of {@code sql} as text ({@code getString}), for comparisons that hold on every destination. */
    public static List<List<String>> texts(Statement statement, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** A dry run's plan, one line a row: {@code action table.column type rows}. */
    public static List<String> plan(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString("action") + " " + rs.getString("table_name") + "." + rs.getString("column_name") + " "
                        + rs.getString("data_type") + " " + rs.getObject("rows"));
            }
        }
        return rows;
    }

    /** Every row of {@code sql}, each as the list of its column values. */
    public static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
