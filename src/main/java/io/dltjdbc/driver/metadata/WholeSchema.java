package io.dltjdbc.driver.metadata;

import io.dltjdbc.driver.InMemoryResultSet;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table {@code "%"} in {@code getPrimaryKeys}, {@code getIndexInfo} and {@code get*Keys}: DBeaver asks so
 * to load a whole schema at once (REFERENCE.md), against the JDBC letter (a table name, not a pattern),
 * and both DuckDB's driver and pgjdbc answer nothing. Here it means every table of the schema: the
 * vendor's answer for each table, in table order.
 */
public final class WholeSchema {
    private WholeSchema() {
    }

    /** One table's answer from the vendor's driver. */
    public interface PerTable {
        ResultSet run(String catalog, String schema, String table) throws SQLException;
    }

    public static boolean isWholeSchema(String table) {
        return "%".equals(table);
    }

    public static ResultSet union(DatabaseMetaData inner, String catalog, String schema, PerTable query) throws SQLException {
        ResultSet shape = query.run(catalog, schema, "%");
        List<InMemoryResultSet.Column> columns = MetadataColumns.of(shape);
        List<Object[]> rows = MetadataColumns.rows(shape);
        for (String[] table : tables(inner, catalog, schema)) {
            rows.addAll(MetadataColumns.rows(query.run(table[0], table[1], table[2])));
        }
        return new InMemoryResultSet(columns, rows);
    }

    /** The schema's tables (views have no keys or indexes); {@code schema} is a name, not a pattern. */
    private static List<String[]> tables(DatabaseMetaData inner, String catalog, String schema) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (ResultSet rows = inner.getTables(catalog, schema, "%", null)) {
            while (rows.next()) {
                String type = rows.getString("TABLE_TYPE");
                if (schema != null && !schema.equals(rows.getString("TABLE_SCHEM"))
                        || type != null && !type.toUpperCase(Locale.ROOT).contains("TABLE")) {
                    continue;
                }
                tables.add(new String[] {rows.getString("TABLE_CAT"), rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME")});
            }
        }
        return tables;
    }
}
