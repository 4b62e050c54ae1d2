package io.dltjdbc.driver;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, read-only, forward-only result held in memory: the summaries and listings of the driver's own
 * commands (a row per table written, a row per pipeline). Never used for data results, which stream
 * from the destination.
 */
public final class InMemoryResultSet extends UnsupportedResultSet {

    /** A column of the result: label, {@link Types} code and the SQL type name tools show. */
    public record Column(String label, int jdbcType, String typeName) {
        public static Column text(String label) {
            return new Column(label, Types.VARCHAR, "VARCHAR");
        }

        public static Column bigint(String label) {
            return new Column(label, Types.BIGINT, "BIGINT");
        }

        public static Column integer(String label) {
            return new Column(label, Types.INTEGER, "INTEGER");
        }

        public static Column timestamp(String label) {
            return new Column(label, Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE");
        }

        public static Column bool(String label) {
            return new Column(label, Types.BOOLEAN, "BOOLEAN");
        }
    }

    private final List<Column> columns;
    private final List<Object[]> rows;
    private Statement statement;
    private int position = -1;
    private boolean closed;
    private boolean lastWasNull;
    private int fetchSize;

    public InMemoryResultSet(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = new ArrayList<>(rows);
    }

    /** Sets the statement that {@link #getStatement()} returns: always the dlt facade. */
    public InMemoryResultSet withStatement(Statement owner) {
        this.statement = owner;
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (position < rows.size()) {
            position++;
        }
        return position < rows.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() {
        return lastWasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw DltSqlState.UNDEFINED_OBJECT.exception("no column '" + label + "' in this result; columns: " + labels());
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (Column column : columns) {
            labels.add(column.label());
        }
        return labels;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw DltSqlState.DATA_EXCEPTION.exception("the result set is closed");
        }
    }

    private Object value(int index) throws SQLException {
        checkOpen();
        if (position < 0 || position >= rows.size()) {
            throw DltSqlState.DATA_EXCEPTION.exception("the result set is not on a row (call next() first)");
        }
        if (index < 1 || index > columns.size()) {
            throw DltSqlState.DATA_EXCEPTION.exception("column index " + index + " is out of range 1.." + columns.size());
        }
        Object value = rows.get(position)[index - 1];
        lastWasNull = value == null;
        return value;
    }

    @Override
    public Object getObject(int index) throws SQLException {
        return value(index);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(int index, Class<T> type) throws SQLException {
        Object value = value(index);
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        if (type == String.class) {
            return type.cast(value.toString());
        }
        if (type == Long.class && value instanceof Number number) {
            return type.cast(number.longValue());
        }
        if (type == Integer.class && value instanceof Number number) {
            return type.cast(number.intValue());
        }
        if (type == Instant.class && value instanceof OffsetDateTime time) {
            return type.cast(time.toInstant());
        }
        throw DltSqlState.DATA_EXCEPTION.exception("cannot read " + value.getClass().getSimpleName() + " as " + type.getSimpleName());
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public String getString(int index) throws SQLException {
        Object value = value(index);
        return value == null ? null : value.toString();
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    private Number number(int index) throws SQLException {
        Object value = value(index);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw DltSqlState.INVALID_TEXT_REPRESENTATION.exception("not a number: column " + index);
        }
    }

    @Override
    public long getLong(int index) throws SQLException {
        Number number = number(index);
        return number == null ? 0 : number.longValue();
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public int getInt(int index) throws SQLException {
        Number number = number(index);
        return number == null ? 0 : number.intValue();
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public short getShort(int index) throws SQLException {
        Number number = number(index);
        return number == null ? 0 : number.shortValue();
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public byte getByte(int index) throws SQLException {
        Number number = number(index);
        return number == null ? 0 : number.byteValue();
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public float getFloat(int index) throws SQLException {
        Number number = number(index);
        return number == null ? 0 : number.floatValue();
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public byte[] getBytes(int index) throws SQLException {
        Object value = value(index);
        return value == null ? null : value instanceof byte[] bytes ? bytes : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public double getDouble(int index) throws SQLException {
        Number number = number(index);
        return number == null ? 0 : number.doubleValue();
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws SQLException {
        Number number = number(index);
        return number == null ? null : number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public boolean getBoolean(int index) throws SQLException {
        Object value = value(index);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(int index) throws SQLException {
        Object value = value(index);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return Timestamp.from(time.toInstant());
        }
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof LocalDateTime time) {
            return Timestamp.valueOf(time);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp;
        }
        throw DltSqlState.DATA_EXCEPTION.exception("column " + index + " is not a timestamp");
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Date getDate(int index) throws SQLException {
        Object value = value(index);
        return value == null ? null : value instanceof LocalDate date ? Date.valueOf(date) : new Date(getTimestamp(index).getTime());
    }

    @Override
    public Time getTime(int index) throws SQLException {
        Object value = value(index);
        return value == null ? null : value instanceof LocalTime time ? Time.valueOf(time) : new Time(getTimestamp(index).getTime());
    }

    @Override
    public ResultSetMetaData getMetaData() {
        return new InMemoryResultSetMetaData(columns);
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw unsupported("setFetchDirection(" + direction + ")");
        }
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public void setFetchSize(int rows) {
        fetchSize = rows;
    }

    @Override
    public int getRow() {
        return position >= 0 && position < rows.size() ? position + 1 : 0;
    }

    @Override
    public boolean isBeforeFirst() {
        return position < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() {
        return position >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() {
        return position == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() {
        return position == rows.size() - 1 && !rows.isEmpty();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw unsupported("getCursorName");
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
