package io.dltjdbc.driver.metadata;

import io.dltjdbc.driver.InMemoryResultSet.Column;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns JDBC prescribes for the metadata results dlt-jdbc answers itself (the javadoc of
 * {@link java.sql.DatabaseMetaData}), so that an empty answer still has the shape tools read.
 */
public final class MetadataColumns {
    private MetadataColumns() {
    }

    private static Column t(String label) {
        return Column.text(label);
    }

    private static Column i(String label) {
        return Column.integer(label);
    }

    private static Column s(String label) {
        return new Column(label, Types.SMALLINT, "SMALLINT");
    }

    private static Column b(String label) {
        return Column.bool(label);
    }

    public static final List<Column> TABLE_TYPES = List.of(t("TABLE_TYPE"));

    public static final List<Column> TYPE_INFO = List.of(t("TYPE_NAME"), i("DATA_TYPE"), i("PRECISION"), t("LITERAL_PREFIX"),
            t("LITERAL_SUFFIX"), t("CREATE_PARAMS"), s("NULLABLE"), b("CASE_SENSITIVE"), s("SEARCHABLE"), b("UNSIGNED_ATTRIBUTE"),
            b("FIXED_PREC_SCALE"), b("AUTO_INCREMENT"), t("LOCAL_TYPE_NAME"), s("MINIMUM_SCALE"), s("MAXIMUM_SCALE"),
            i("SQL_DATA_TYPE"), i("SQL_DATETIME_SUB"), i("NUM_PREC_RADIX"));

    public static final List<Column> KEYS = List.of(t("PKTABLE_CAT"), t("PKTABLE_SCHEM"), t("PKTABLE_NAME"), t("PKCOLUMN_NAME"),
            t("FKTABLE_CAT"), t("FKTABLE_SCHEM"), t("FKTABLE_NAME"), t("FKCOLUMN_NAME"), s("KEY_SEQ"), s("UPDATE_RULE"),
            s("DELETE_RULE"), t("FK_NAME"), t("PK_NAME"), s("DEFERRABILITY"));

    public static final List<Column> UDTS = List.of(t("TYPE_CAT"), t("TYPE_SCHEM"), t("TYPE_NAME"), t("CLASS_NAME"), i("DATA_TYPE"),
            t("REMARKS"), s("BASE_TYPE"));

    public static final List<Column> TABLE_PRIVILEGES = List.of(t("TABLE_CAT"), t("TABLE_SCHEM"), t("TABLE_NAME"), t("GRANTOR"),
            t("GRANTEE"), t("PRIVILEGE"), t("IS_GRANTABLE"));

    public static final List<Column> COLUMN_PRIVILEGES = List.of(t("TABLE_CAT"), t("TABLE_SCHEM"), t("TABLE_NAME"), t("COLUMN_NAME"),
            t("GRANTOR"), t("GRANTEE"), t("PRIVILEGE"), t("IS_GRANTABLE"));

    public static final List<Column> SUPER_TYPES = List.of(t("TYPE_CAT"), t("TYPE_SCHEM"), t("TYPE_NAME"), t("SUPERTYPE_CAT"),
            t("SUPERTYPE_SCHEM"), t("SUPERTYPE_NAME"));

    public static final List<Column> SUPER_TABLES = List.of(t("TABLE_CAT"), t("TABLE_SCHEM"), t("TABLE_NAME"), t("SUPERTABLE_NAME"));

    public static final List<Column> CLIENT_INFO = List.of(t("NAME"), i("MAX_LEN"), t("DEFAULT_VALUE"), t("DESCRIPTION"));

    public static final List<Column> VERSION_COLUMNS = List.of(s("SCOPE"), t("COLUMN_NAME"), i("DATA_TYPE"), t("TYPE_NAME"),
            i("COLUMN_SIZE"), i("BUFFER_LENGTH"), s("DECIMAL_DIGITS"), s("PSEUDO_COLUMN"));

    public static final List<Column> BEST_ROW = List.of(s("SCOPE"), t("COLUMN_NAME"), i("DATA_TYPE"), t("TYPE_NAME"),
            i("COLUMN_SIZE"), i("BUFFER_LENGTH"), s("DECIMAL_DIGITS"), s("PSEUDO_COLUMN"));

    /** The columns of a result set as it is, to copy rows from another driver's answer. */
    public static List<Column> of(ResultSet result) throws SQLException {
        ResultSetMetaData metaData = result.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(new Column(metaData.getColumnLabel(i), metaData.getColumnType(i), metaData.getColumnTypeName(i)));
        }
        return columns;
    }

    /** Reads every row of a (small, metadata) result set. */
    public static List<Object[]> rows(ResultSet result) throws SQLException {
        int count = result.getMetaData().getColumnCount();
        List<Object[]> rows = new ArrayList<>();
        try (result) {
            while (result.next()) {
                Object[] row = new Object[count];
                for (int i = 0; i < count; i++) {
                    row[i] = result.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
