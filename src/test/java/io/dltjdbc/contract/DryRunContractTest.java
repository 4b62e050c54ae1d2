package io.dltjdbc.contract;

import static io.dltjdbc.testkit.Queries.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code EXPLAIN LOAD PIPELINE} on every destination: the exact plan of a first and of an evolving load, and
 * the dataset left exactly as it was (every table's columns and every row of it, system tables included).
 */
class DryRunContractTest {
    private static final AtomicInteger DATASETS = new AtomicInteger();
    private static final List<String> TABLES = List.of("items", "items__tags", "items__parts", "_dlt_loads", "_dlt_version",
            "_dlt_pipeline_state", "_dlt_rejected_rows");

    private static String dataset() {
        return "dryrun_" + DATASETS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** Every table of the dataset that exists: its column names and all its rows as text, sorted. */
    private static List<String> snapshot(Connection connection) throws SQLException {
        List<String> snapshot = new ArrayList<>();
        for (String table : TABLES) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder columns = new StringBuilder(table).append(':');
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.append(' ').append(meta.getColumnName(i)).append(' ').append(meta.getColumnTypeName(i));
                }
                snapshot.add(columns.toString());
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(table).append(" |");
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(' ').append(rs.getString(i)).append(" |");
                    }
                    rows.add(row.toString());
                }
                Collections.sort(rows);
                snapshot.addAll(rows);
            } catch (SQLException missing) {
                snapshot.add(table + ": absent");
            }
        }
        return snapshot;
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void dryRunOfAFirstLoadReturnsThePlanAndCreatesNothing(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            List<String> before = snapshot(c);
            assertEquals(List.of(
                    "create table items.null null 2",
                    "add column items.id bigint null",
                    "add column items.name text null",
                    "add column items._dlt_load_id text null",
                    "add column items._dlt_id text null",
                    "create table items__tags.null null 3",
                    "add column items__tags.value text null",
                    "add column items__tags._dlt_parent_id text null",
                    "add column items__tags._dlt_list_idx bigint null",
                    "add column items__tags._dlt_id text null"),
                    plan(s, "EXPLAIN LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"name\": \"a\", \"tags\": [\"x\", \"y\"]},"
                            + " {\"id\": 2, \"tags\": [\"z\"]}]' INTO items"));
            assertEquals(before, snapshot(c));
            for (String table : TABLES) {
                assertEquals(table + ": absent", snapshot(c).get(TABLES.indexOf(table)), "nothing created");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDestination.class)
    void dryRunOfAnEvolvingLoadReturnsThePlanAndLeavesTheDatasetExactlyAsItWas(TestDestination destination) throws SQLException {
        try (Connection c = DriverManager.getConnection(destination.url(dataset())); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1, \"name\": \"a\", \"tags\": [\"x\"]}]' INTO items");
            List<String> before = snapshot(c);
            assertFalse(before.get(0).endsWith("absent"));
            assertEquals(List.of(
                    "unchanged items.null null 2",
                    "unchanged items.id bigint null",
                    "unchanged items.name text null",
                    "unchanged items._dlt_load_id text null",
                    "unchanged items._dlt_id text null",
                    "add column items.price double null",
                    "variant column items.id__v_text text null",
                    "unchanged items__tags.null null 1",
                    "unchanged items__tags.value text null",
                    "unchanged items__tags._dlt_parent_id text null",
                    "unchanged items__tags._dlt_list_idx bigint null",
                    "unchanged items__tags._dlt_id text null",
                    "create table items__parts.null null 1",
                    "add column items__parts.sku text null",
                    "add column items__parts._dlt_parent_id text null",
                    "add column items__parts._dlt_list_idx bigint null",
                    "add column items__parts._dlt_id text null"),
                    plan(s, "EXPLAIN LOAD PIPELINE p FROM JSON '[{\"id\": 2, \"price\": 9.5, \"tags\": [\"y\"]},"
                            + " {\"id\": \"three\", \"parts\": [{\"sku\": \"s\"}]}]' INTO items"));
            assertEquals(before, snapshot(c), "the dataset is exactly as it was");
        }
    }
}
