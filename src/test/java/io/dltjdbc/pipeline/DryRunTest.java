package io.dltjdbc.pipeline;

import static io.dltjdbc.testkit.Queries.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EXPLAIN LOAD PIPELINE and dry_run: the plan of a load, and nothing written. */
class DryRunTest {

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void explainOfAFirstLoadPlansEveryTableAndColumnAndWritesNothing() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:"); Statement s = c.createStatement()) {
            List<String> before = tables(s);
            List<String> plan = plan(s, "EXPLAIN LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"tags\": [\"a\", \"b\"]}]' INTO ds.items");
            assertEquals(List.of(
                    "create table items.null null 1",
                    "add column items.id bigint null",
                    "add column items._dlt_load_id text null",
                    "add column items._dlt_id text null",
                    "create table items__tags.null null 2",
                    "add column items__tags.value text null",
                    "add column items__tags._dlt_parent_id text null",
                    "add column items__tags._dlt_list_idx bigint null",
                    "add column items__tags._dlt_id text null"), plan);
            assertEquals(before, tables(s), "a dry run creates nothing");
        }
    }

    @Test
    void dryRunOfAnEvolvingLoadShowsNewAndVariantColumnsAndLeavesDataAlone() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:"); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"n\": 5}]' INTO ds.items");
            List<String> plan = plan(s, "LOAD PIPELINE p FROM JSON '[{\"id\": 2, \"n\": \"five\", \"extra\": true}]' INTO ds.items "
                    + "WITH (dry_run = true)");
            assertTrue(plan.contains("unchanged items.null null 1"), plan.toString());
            assertTrue(plan.contains("unchanged items.id bigint null"), plan.toString());
            assertTrue(plan.contains("variant column items.n__v_text text null"), plan.toString());
            assertTrue(plan.contains("add column items.extra bool null"), plan.toString());
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ds.items")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ds._dlt_loads")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'items' "
                    + "AND column_name IN ('extra', 'n__v_text')")) {
                assertFalse(rs.next(), "no column added");
            }
        }
    }
}
