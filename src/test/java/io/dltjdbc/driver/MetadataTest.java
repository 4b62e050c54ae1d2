package io.dltjdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What generic JDBC tools (DBeaver, ORMs, schema crawlers) read, answered for a dlt dataset. */
class MetadataTest {
    private Connection connection;
    private DatabaseMetaData metaData;

    @BeforeEach
    void load() throws SQLException {
        connection = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=shop");
        connection.createStatement().execute("LOAD PIPELINE shop FROM JSON '[{\"id\": 1, \"lines\": [{\"sku\": \"a\", "
                + "\"parts\": [1, 2]}]}]' INTO shop.orders");
        connection.createStatement().execute("CREATE VIEW shop.order_view AS SELECT id FROM shop.orders");
        metaData = connection.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static List<String> column(ResultSet rows, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(label));
            }
        }
        return values;
    }

    @Test
    void tablesAreReportedWithTheStandardTableType() throws SQLException {
        List<String> tables = column(metaData.getTables(null, "shop", "%", new String[] {"TABLE"}), "TABLE_NAME");
        assertTrue(tables.containsAll(List.of("orders", "orders__lines", "orders__lines__parts", "_dlt_loads", "_dlt_version",
                "_dlt_pipeline_state")), tables.toString());
        assertFalse(tables.contains("order_view"));
        assertEquals(List.of("order_view"), column(metaData.getTables(null, "shop", "%", new String[] {"VIEW"}), "TABLE_NAME"));
        assertTrue(column(metaData.getTables(null, "shop", "orders", null), "TABLE_TYPE").contains("TABLE"));
    }

    @Test
    void tableTypesUseStandardNames() throws SQLException {
        List<String> types = column(metaData.getTableTypes(), "TABLE_TYPE");
        assertTrue(types.contains("TABLE") && types.contains("VIEW"), types.toString());
        assertFalse(types.contains("BASE TABLE"));
    }

    @Test
    void childTablesImportTheirParentsRowId() throws SQLException {
        try (ResultSet keys = metaData.getImportedKeys(null, "shop", "orders__lines__parts")) {
            assertTrue(keys.next());
            assertEquals("orders__lines", keys.getString("PKTABLE_NAME"));
            assertEquals("_dlt_id", keys.getString("PKCOLUMN_NAME"));
            assertEquals("_dlt_parent_id", keys.getString("FKCOLUMN_NAME"));
            assertEquals(1, keys.getShort("KEY_SEQ"));
            assertFalse(keys.next());
        }
        assertEquals(List.of("orders__lines"), column(metaData.getExportedKeys(null, "shop", "orders"), "FKTABLE_NAME"));
    }

    @Test
    void wholeSchemaKeysWithPercentTable() throws SQLException {
        List<String> children = column(metaData.getImportedKeys(null, "shop", "%"), "FKTABLE_NAME");
        assertEquals(List.of("orders__lines", "orders__lines__parts"), children.stream().sorted().toList());
    }

    @Test
    void typeInfoIsAnsweredForDuckDb() throws SQLException {
        List<String> types = column(metaData.getTypeInfo(), "TYPE_NAME");
        assertTrue(types.containsAll(List.of("BIGINT", "VARCHAR", "TIMESTAMP WITH TIME ZONE", "JSON")), types.toString());
    }

    @Test
    void unsupportedListingsAreEmptyNotErrors() throws SQLException {
        assertEquals(List.of(), column(metaData.getUDTs(null, null, "%", null), "TYPE_NAME"));
        assertEquals(List.of(), column(metaData.getTablePrivileges(null, "shop", "%"), "TABLE_NAME"));
        assertEquals(List.of(), column(metaData.getColumnPrivileges(null, "shop", "orders", "%"), "COLUMN_NAME"));
    }

    @Test
    void columnsComeFromTheDestination() throws SQLException {
        List<String> columns = column(metaData.getColumns(null, "shop", "orders", "%"), "COLUMN_NAME");
        assertEquals(List.of("id", "_dlt_load_id", "_dlt_id"), columns);
    }

    @Test
    void schemasListTheDataset() throws SQLException {
        assertTrue(column(metaData.getSchemas(), "TABLE_SCHEM").contains("shop"));
    }
}
