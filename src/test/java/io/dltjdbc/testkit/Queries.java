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
