package io.dltjdbc.destination.bigquery;

import io.dltjdbc.driver.Unwrapping;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import io.dltjdbc.driver.DltSqlState;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Columns of a BigQuery result: names and types from the job's result schema. */
final class BigQueryResultSetMetaData implements ResultSetMetaData {
    private final FieldList fields;
    private final String project;

    BigQueryResultSetMetaData(FieldList fields, String project) {
        this.fields = fields;
        this.project = project;
    }

    private Field field(int column) throws SQLException {
        if (column < 1 || column > fields.size()) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("column index " + column + " is out of range 1.." + fields.size());
        }
        return fields.get(column - 1);
    }

    @Override
    public int getColumnCount() {
        return fields.size();
    }

    @Override
    public boolean isAutoIncrement(int column) {
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return getColumnType(column) == Types.VARCHAR;
    }

    @Override
    public boolean isSearchable(int column) {
        return true;
    }

    @Override
    public boolean isCurrency(int column) {
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        Field.Mode mode = field(column).getMode();
        return mode == Field.Mode.REQUIRED ? columnNoNulls : mode == null || mode == Field.Mode.NULLABLE ? columnNullable
                : columnNullableUnknown;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        int type = getColumnType(column);
        return type == Types.BIGINT || type == Types.DOUBLE || type == Types.NUMERIC;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return Math.min(BigQueryTypes.precision(field(column)) + 2, Integer.MAX_VALUE);
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return field(column).getName();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return field(column).getName();
    }

    @Override
    public String getSchemaName(int column) {
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return BigQueryTypes.precision(field(column));
    }

    @Override
    public int getScale(int column) throws SQLException {
        return BigQueryTypes.scale(field(column));
    }

    @Override
    public String getTableName(int column) {
        return "";
    }

    @Override
    public String getCatalogName(int column) {
        return project;
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return BigQueryTypes.jdbcType(field(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return BigQueryTypes.typeName(field(column));
    }

    @Override
    public boolean isReadOnly(int column) {
        return true;
    }

    @Override
    public boolean isWritable(int column) {
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) {
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return BigQueryTypes.className(field(column));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.self(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
