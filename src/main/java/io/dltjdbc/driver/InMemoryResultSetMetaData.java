package io.dltjdbc.driver;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Column descriptions of an {@link InMemoryResultSet}. */
final class InMemoryResultSetMetaData implements ResultSetMetaData {
    private final List<InMemoryResultSet.Column> columns;

    InMemoryResultSetMetaData(List<InMemoryResultSet.Column> columns) {
        this.columns = columns;
    }

    private InMemoryResultSet.Column column(int index) throws SQLException {
        if (index < 1 || index > columns.size()) {
            throw DltSqlState.DATA_EXCEPTION.exception("column index " + index + " is out of range 1.." + columns.size());
        }
        return columns.get(index - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) {
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return column(column).jdbcType() == Types.VARCHAR;
    }

    @Override
    public boolean isSearchable(int column) {
        return false;
    }

    @Override
    public boolean isCurrency(int column) {
        return false;
    }

    @Override
    public int isNullable(int column) {
        return columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        int type = column(column).jdbcType();
        return type == Types.BIGINT || type == Types.INTEGER || type == Types.DOUBLE;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return switch (column(column).jdbcType()) {
            case Types.BIGINT -> 20;
            case Types.INTEGER -> 11;
            case Types.BOOLEAN -> 5;
            case Types.TIMESTAMP_WITH_TIMEZONE -> 32;
            default -> 255;
        };
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).label();
    }

    @Override
    public String getSchemaName(int column) {
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return switch (column(column).jdbcType()) {
            case Types.BIGINT -> 19;
            case Types.INTEGER -> 10;
            case Types.DOUBLE -> 17;
            default -> 0;
        };
    }

    @Override
    public int getScale(int column) {
        return 0;
    }

    @Override
    public String getTableName(int column) {
        return "";
    }

    @Override
    public String getCatalogName(int column) {
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
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
        return switch (column(column).jdbcType()) {
            case Types.BIGINT -> Long.class.getName();
            case Types.INTEGER -> Integer.class.getName();
            case Types.DOUBLE -> Double.class.getName();
            case Types.BOOLEAN -> Boolean.class.getName();
            case Types.TIMESTAMP_WITH_TIMEZONE -> java.time.OffsetDateTime.class.getName();
            default -> String.class.getName();
        };
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
