package io.dltjdbc.driver.metadata;

import io.dltjdbc.driver.InMemoryResultSet;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * dlt's nesting as foreign keys: a child table's {@code _dlt_parent_id} references its parent's
 * {@code _dlt_id}, so ER diagrams in DBeaver or DataGrip show how a nested document was split. The
 * parent of {@code a__b__c} is the longest existing table among {@code a__b}, {@code a}. The destination's
 * own keys come first.
 */
public final class NestingKeys {
    static final String PARENT_ID = "_dlt_parent_id";
    static final String ROW_ID = "_dlt_id";
    private static final int NO_ACTION = DatabaseMetaData.importedKeyNoAction;
    private static final int NOT_DEFERRABLE = DatabaseMetaData.importedKeyNotDeferrable;

    private NestingKeys() {
    }

    private record Link(String catalog, String schema, String parent, String child) {
        Object[] row() {
            return new Object[] {catalog, schema, parent, ROW_ID, catalog, schema, child, PARENT_ID, (short) 1, (short) NO_ACTION,
                (short) NO_ACTION, child + "_dlt_parent_fk", null, (short) NOT_DEFERRABLE};
        }
    }

    public static ResultSet imported(DatabaseMetaData inner, String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = vendorKeys(() -> WholeSchema.isWholeSchema(table) ? WholeSchema.union(inner, catalog, schema, inner::getImportedKeys)
                : inner.getImportedKeys(catalog, schema, table));
        for (Link link : links(inner, catalog, schema)) {
            if (matches(table, link.child())) {
                rows.add(link.row());
            }
        }
        rows.sort(ORDER_BY_PRIMARY_TABLE);
        return new InMemoryResultSet(MetadataColumns.KEYS, rows);
    }

    public static ResultSet exported(DatabaseMetaData inner, String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = vendorKeys(() -> WholeSchema.isWholeSchema(table) ? WholeSchema.union(inner, catalog, schema, inner::getExportedKeys)
                : inner.getExportedKeys(catalog, schema, table));
        for (Link link : links(inner, catalog, schema)) {
            if (matches(table, link.parent())) {
                rows.add(link.row());
            }
        }
        rows.sort(ORDER_BY_FOREIGN_TABLE);
        return new InMemoryResultSet(MetadataColumns.KEYS, rows);
    }

    /** The vendor's cross reference plus the nesting key when {@code foreignTable} is a child of {@code parentTable}. */
    public static ResultSet crossReference(DatabaseMetaData inner, String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        List<Object[]> rows = vendorKeys(() -> inner.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog,
                foreignSchema, foreignTable));
        for (Link link : links(inner, foreignCatalog, foreignSchema)) {
            if (link.child().equals(foreignTable) && link.parent().equals(parentTable)
                    && (parentSchema == null || parentSchema.equals(link.schema()))
                    && (parentCatalog == null || parentCatalog.isEmpty() || parentCatalog.equals(link.catalog()))) {
                rows.add(link.row());
            }
        }
        rows.sort(ORDER_BY_FOREIGN_TABLE);
        return new InMemoryResultSet(MetadataColumns.KEYS, rows);
    }

    /** JDBC orders imported keys by PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, KEY_SEQ. */
    private static final Comparator<Object[]> ORDER_BY_PRIMARY_TABLE = ordered(0, 1, 2, 8);

    /** ... and exported keys and cross references by FKTABLE_CAT, FKTABLE_SCHEM, FKTABLE_NAME, KEY_SEQ. */
    private static final Comparator<Object[]> ORDER_BY_FOREIGN_TABLE = ordered(4, 5, 6, 8);

    private static Comparator<Object[]> ordered(int... indexes) {
        Comparator<Object[]> order = null;
        for (int index : indexes) {
            Comparator<Object[]> next = Comparator.comparing(row -> row[index] == null ? "" : String.valueOf(row[index]),
                    Comparator.naturalOrder());
            if (index == 8) {
                next = Comparator.comparingInt(row -> row[index] == null ? 0 : ((Number) row[index]).intValue());
            }
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }

    private interface KeyQuery {
        ResultSet run() throws SQLException;
    }

    private static List<Object[]> vendorKeys(KeyQuery query) throws SQLException {
        try {
            return MetadataColumns.rows(query.run());
        } catch (SQLFeatureNotSupportedException e) {
            return new ArrayList<>();
        }
    }

    /** DBeaver asks with table "%" to load a whole schema at once (REFERENCE.md); null means any too. */
    private static boolean matches(String pattern, String table) {
        return pattern == null || pattern.equals("%") || pattern.equals(table);
    }

    private static List<Link> links(DatabaseMetaData inner, String catalog, String schema) throws SQLException {
        Set<String> tables = new HashSet<>();
        List<String[]> children = new ArrayList<>();
        try (ResultSet columns = inner.getColumns(catalog, schema, "%", null)) {
            while (columns.next()) {
                // the schema argument is a name, not a pattern: "md_agree" must not also match "mdXagree"
                if (schema != null && !schema.equals(columns.getString("TABLE_SCHEM"))) {
                    continue;
                }
                String key = columns.getString("TABLE_CAT") + "\u0000" + columns.getString("TABLE_SCHEM") + "\u0000" + columns.getString("TABLE_NAME");
                tables.add(key);
                if (PARENT_ID.equals(columns.getString("COLUMN_NAME"))) {
                    children.add(new String[] {columns.getString("TABLE_CAT"), columns.getString("TABLE_SCHEM"), columns.getString("TABLE_NAME")});
                }
            }
        }
        List<Link> links = new ArrayList<>();
        for (String[] child : children) {
            String name = child[2];
            for (int cut = name.lastIndexOf("__"); cut > 0; cut = name.lastIndexOf("__", cut - 1)) {
                String parent = name.substring(0, cut);
                if (tables.contains(child[0] + "\u0000" + child[1] + "\u0000" + parent)) {
                    links.add(new Link(child[0], child[1], parent, name));
                    break;
                }
            }
        }
        return links;
    }
}
