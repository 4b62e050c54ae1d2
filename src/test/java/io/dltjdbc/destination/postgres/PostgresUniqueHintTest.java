package io.dltjdbc.destination.postgres;

import io.dltjdbc.testkit.PostgresDatasetTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dltjdbc.testkit.Queries;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code unique} column hint on a real PostgreSQL: a UNIQUE constraint on the created or added column,
 * so a duplicate fails the whole load (23505) and leaves the dataset as it was. {@code RedshiftOnPostgresUniqueHintTest}
 * runs the same through the Redshift loader (whose UNIQUE Redshift itself would not enforce).
 */
public class PostgresUniqueHintTest extends PostgresDatasetTest {
    @Override
    protected String prefix() {
        return "pgu";
    }

    private void load(String json, String with) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '" + json + "' INTO t" + (with.isEmpty() ? "" : " WITH (" + with + ")"));
        }
    }

    private List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pg.loader()) {
            for (List<Object> row : Queries.rows(c, sql)) {
                out.add(row.get(0) == null ? null : row.get(0).toString());
            }
        }
        return out;
    }

    /** Columns of the dataset's table that carry a UNIQUE constraint. */
    private List<String> uniqueColumns(String table) throws SQLException {
        return uniqueColumns(ds, table);
    }

    private List<String> uniqueColumns(String dataset, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pg.loader(); PreparedStatement query = c.prepareStatement(
                "SELECT k.column_name FROM information_schema.table_constraints t JOIN information_schema.key_column_usage k"
                        + " ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name"
                        + " WHERE t.constraint_type = 'UNIQUE' AND t.table_schema = ? AND t.table_name = ? ORDER BY 1")) {
            query.setString(1, dataset);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void uniqueHintCreatesAUniqueConstraintOnTheColumn() throws Exception {
        load("[{\"id\":1,\"code\":\"a\"}]", "columns = 'code text unique'");

        assertEquals(List.of("code"), uniqueColumns("t"));
    }

    @Test
    void duplicateInAUniqueColumnFailsTheLoadWith23505AndLeavesTheTableAsItWas() throws Exception {
        load("[{\"id\":1,\"code\":\"a\"}]", "columns = 'code text unique'");

        // the hint comes from the stored schema: the second load does not repeat it
        SQLException e = assertThrows(SQLException.class, () -> load("[{\"id\":2,\"code\":\"b\"},{\"id\":3,\"code\":\"a\"}]", ""));

        assertEquals("23505", e.getSQLState(), e.getMessage());
        assertEquals(List.of("1 a"), column("SELECT id || ' ' || code FROM \"" + ds + "\".t ORDER BY id"));
        assertEquals(List.of("1"), column("SELECT count(*) FROM \"" + ds + "\"._dlt_loads"));
    }

    @Test
    void uniqueColumnAddedByALaterLoadGetsTheConstraint() throws Exception {
        load("[{\"id\":1}]", "");
        load("[{\"id\":2,\"code\":\"a\"}]", "columns = 'code text unique'");

        assertEquals(List.of("code"), uniqueColumns("t"));
        SQLException e = assertThrows(SQLException.class, () -> load("[{\"id\":3,\"code\":\"a\"}]", ""));
        assertEquals("23505", e.getSQLState(), e.getMessage());
    }

    @Test
    void mergeThatReplacesARowWithItsOwnUniqueValueSucceeds() throws Exception {
        String merge = "write_disposition = merge, primary_key = 'id', columns = 'code text unique'";
        load("[{\"id\":1,\"code\":\"a\",\"v\":\"old\"},{\"id\":2,\"code\":\"b\",\"v\":\"keep\"}]", merge);
        // the staging copy holds both rows of id 1 before deduplication: it must have no UNIQUE
        load("[{\"id\":1,\"code\":\"a\",\"v\":\"first\"},{\"id\":1,\"code\":\"a\",\"v\":\"new\"}]", merge);

        assertEquals(List.of("1 a new", "2 b keep"), column("SELECT id || ' ' || code || ' ' || v FROM \"" + ds + "\".t ORDER BY id"));
        assertEquals(List.of("code"), uniqueColumns("t"));
        assertEquals(List.of(), uniqueColumns(ds + "_staging", "t"));
    }
}
