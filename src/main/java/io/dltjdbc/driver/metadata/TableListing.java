package io.dltjdbc.driver.metadata;

import io.dltjdbc.driver.InMemoryResultSet;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code getTables} and {@code getTableTypes} with JDBC's standard type names. DuckDB reports tables
 * as {@code BASE TABLE}, so a tool asking for type {@code TABLE} (ORMs, migration tools) would find
 * none (REFERENCE.md); here both spellings match and rows say {@code TABLE}.
 */
public final class TableListing {
    private static final String VENDOR_TABLE = "BASE TABLE";

    private TableListing() {
    }

    public static ResultSet tables(DatabaseMetaData inner, String catalog, String schemaPattern, String tableNamePattern,
            String[] types) throws SQLException {
        ResultSet all = inner.getTables(catalog, schemaPattern, tableNamePattern, null);
        List<InMemoryResultSet.Column> columns = MetadataColumns.of(all);
        int typeIndex = indexOf(columns, "TABLE_TYPE");
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : MetadataColumns.rows(all)) {
            if (typeIndex >= 0 && row[typeIndex] != null) {
                row[typeIndex] = standardType(row[typeIndex].toString());
            }
            if (types == null || typeIndex < 0 || wanted(types, (String) row[typeIndex])) {
                rows.add(row);
            }
        }
        return new InMemoryResultSet(columns, rows);
    }

    public static ResultSet tableTypes(DatabaseMetaData inner) throws SQLException {
        List<String> types = new ArrayList<>();
        for (Object[] row : MetadataColumns.rows(inner.getTableTypes())) {
            String type = standardType(String.valueOf(row[0]));
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        types.sort(null);
        List<Object[]> rows = new ArrayList<>();
        for (String type : types) {
            rows.add(new Object[] {type});
        }
        return new InMemoryResultSet(MetadataColumns.TABLE_TYPES, rows);
    }

    static String standardType(String vendorType) {
        return vendorType.equalsIgnoreCase(VENDOR_TABLE) ? "TABLE" : vendorType;
    }

    private static boolean wanted(String[] types, String type) {
        for (String wanted : types) {
            if (wanted != null && standardType(wanted.toUpperCase(Locale.ROOT)).equalsIgnoreCase(type)) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(List<InMemoryResultSet.Column> columns, String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }
}
