package io.dltjdbc.destination.bigquery;

import io.dltjdbc.driver.Unwrapping;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableResult;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.forwarding.ForwardingResultSet;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Calendar;
import java.util.Iterator;
import java.util.Locale;

/**
 * Rows of a query job, paged in lazily (Trino's style): one page of {@code fetchSize} rows in memory, the next
 * fetched from BigQuery only when the reader gets there. Forward-only and read-only.
 */
final class BigQueryResultSet extends ForwardingResultSet {
    private final BigQueryStatement statement;
    private final FieldList fields;
    private final long maxRows;
    private TableResult page;
    private Iterator<FieldValueList> rows;
    private FieldValueList row;
    private long position;
    private boolean closed;
    private boolean wasNull;

    BigQueryResultSet(BigQueryStatement statement, TableResult result, long maxRows) {
        super(Unsupported.of(ResultSet.class));
        this.statement = statement;
        this.fields = result.getSchema() == null ? FieldList.of() : result.getSchema().getFields();
        this.maxRows = maxRows;
        this.page = result;
        this.rows = result.getValues().iterator();
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (maxRows > 0 && position >= maxRows) {
            row = null;
            return false;
        }
        try {
            while (!rows.hasNext()) {
                if (page == null || !page.hasNextPage()) {
                    row = null;
                    return false;
                }
                page = page.getNextPage();
                rows = page.getValues().iterator();
            }
        } catch (com.google.cloud.bigquery.BigQueryException e) {
            throw BigQueryErrors.of("cannot fetch the next page of rows", e);
        }
        row = rows.next();
        position++;
        return true;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("the result set is closed");
        }
    }

    private FieldValue cell(int column) throws SQLException {
        checkOpen();
        if (row == null) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("no current row: call next() first");
        }
        if (column < 1 || column > fields.size()) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("column index " + column + " is out of range 1.." + fields.size());
        }
        FieldValue value = row.get(column - 1);
        wasNull = value == null || value.isNull();
        return wasNull ? null : value;
    }

    private Field field(int column) {
        return fields.get(column - 1);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        FieldValue value = cell(column);
        if (value == null) {
            return null;
        }
        Field field = field(column);
        if (BigQueryTypes.nested(field)) {
            return BigQueryTypes.json(field, value);
        }
        try {
            return switch (BigQueryTypes.type(field)) {
                case INT64 -> value.getLongValue();
                case FLOAT64 -> value.getDoubleValue();
                case BOOL -> value.getBooleanValue();
                case NUMERIC, BIGNUMERIC -> value.getNumericValue();
                case BYTES -> value.getBytesValue();
                case TIMESTAMP -> Timestamp.from(value.getTimestampInstant());
                case DATETIME -> Timestamp.valueOf(LocalDateTime.parse(value.getStringValue()));
                case DATE -> Date.valueOf(LocalDate.parse(value.getStringValue()));
                case TIME -> Time.valueOf(LocalTime.parse(value.getStringValue()));
                default -> value.getStringValue();
            };
        } catch (RuntimeException e) {
            throw conversion(column, "its BigQuery type", e);
        }
    }

    private SQLException conversion(int column, String target, Exception cause) {
        return DltSqlState.INVALID_TEXT_REPRESENTATION.exception("cannot read column " + column + " ("
                + fields.get(column - 1).getName() + ") as " + target + ": " + cause.getMessage(), cause);
    }

    @Override
    public String getString(int column) throws SQLException {
        FieldValue value = cell(column);
        if (value == null) {
            return null;
        }
        Field field = field(column);
        if (BigQueryTypes.nested(field)) {
            return BigQueryTypes.json(field, value);
        }
        StandardSQLTypeName type = BigQueryTypes.type(field);
        if (type == StandardSQLTypeName.TIMESTAMP) {
            return value.getTimestampInstant().atOffset(ZoneOffset.UTC).toString();
        }
        return value.getStringValue();
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object value = getObject(column);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("1")) {
            return true;
        }
        if (text.equals("false") || text.equals("0")) {
            return false;
        }
        throw conversion(column, "boolean", new IllegalArgumentException("'" + value + "'"));
    }

    private Number number(int column) throws SQLException {
        Object value = getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw conversion(column, "a number", e);
        }
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Number n = number(column);
        return n == null ? 0 : n.byteValue();
    }

    @Override
    public short getShort(int column) throws SQLException {
        Number n = number(column);
        return n == null ? 0 : n.shortValue();
    }

    @Override
    public int getInt(int column) throws SQLException {
        Number n = number(column);
        return n == null ? 0 : n.intValue();
    }

    @Override
    public long getLong(int column) throws SQLException {
        Number n = number(column);
        return n == null ? 0 : n.longValue();
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Number n = number(column);
        return n == null ? 0 : n.floatValue();
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Number n = number(column);
        return n == null ? 0 : n.doubleValue();
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Number n = number(column);
        return n == null ? null : n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(column);
        return d == null ? null : d.setScale(scale, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        Object value = getObject(column);
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? bytes : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public Date getDate(int column) throws SQLException {
        LocalDate date = getObject(column, LocalDate.class);
        return date == null ? null : Date.valueOf(date);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        LocalTime time = getObject(column, LocalTime.class);
        return time == null ? null : Time.valueOf(time);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        Object value = getObject(column);
        if (value == null || value instanceof Timestamp) {
            return (Timestamp) value;
        }
        if (value instanceof Date d) {
            return new Timestamp(d.getTime());
        }
        try {
            return Timestamp.from(OffsetDateTime.parse(value.toString()).toInstant());
        } catch (RuntimeException e) {
            throw conversion(column, "a timestamp", e);
        }
    }

    @Override
    public Date getDate(int column, Calendar cal) throws SQLException {
        return getDate(column);
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        return getTime(column);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        return getTimestamp(column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object value = getObject(column);
        if (value == null) {
            return null;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            Object converted;
            if (type == String.class) {
                converted = getString(column);
            } else if (type == Long.class) {
                converted = getLong(column);
            } else if (type == Integer.class) {
                converted = getInt(column);
            } else if (type == Short.class) {
                converted = getShort(column);
            } else if (type == Double.class) {
                converted = getDouble(column);
            } else if (type == Float.class) {
                converted = getFloat(column);
            } else if (type == BigDecimal.class) {
                converted = getBigDecimal(column);
            } else if (type == Boolean.class) {
                converted = getBoolean(column);
            } else if (type == byte[].class) {
                converted = value instanceof String s ? Base64.getDecoder().decode(s) : getBytes(column);
            } else if (type == OffsetDateTime.class) {
                converted = value instanceof Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(value.toString());
            } else if (type == Instant.class) {
                converted = getTimestamp(column).toInstant();
            } else if (type == LocalDateTime.class) {
                converted = value instanceof Timestamp t && BigQueryTypes.type(field(column)) == StandardSQLTypeName.TIMESTAMP
                        ? t.toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime()
                        : value instanceof Timestamp t ? t.toLocalDateTime() : LocalDateTime.parse(value.toString());
            } else if (type == LocalDate.class) {
                converted = value instanceof Date d ? d.toLocalDate() : LocalDate.parse(getString(column));
            } else if (type == LocalTime.class) {
                converted = BigQueryTypes.type(field(column)) == StandardSQLTypeName.TIME ? LocalTime.parse(getString(column))
                        : LocalTime.parse(value.toString());
            } else if (type == Timestamp.class) {
                converted = getTimestamp(column);
            } else {
                throw conversion(column, type.getName(), new ClassCastException(value.getClass().getName()));
            }
            return type.cast(converted);
        } catch (RuntimeException e) {
            throw conversion(column, type.getSimpleName(), e);
        }
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getName().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw DltSqlState.UNDEFINED_OBJECT.exception("no column '" + label + "' in this result");
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
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
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public String getNString(int column) throws SQLException {
        return getString(column);
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getString(label);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new BigQueryResultSetMetaData(fields, statement == null ? null : statement.connection.project());
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public int getRow() {
        return row == null ? 0 : (int) Math.min(Integer.MAX_VALUE, position);
    }

    @Override
    public boolean isBeforeFirst() {
        return position == 0;
    }

    @Override
    public int getType() {
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() {
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != FETCH_FORWARD) {
            throw Unsupported.unsupported(ResultSet.class, "setFetchDirection(" + direction + ")");
        }
    }

    @Override
    public void setFetchSize(int rows) {
        // pages keep the size the query asked for
    }

    @Override
    public int getFetchSize() {
        return 0;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public String getCursorName() throws SQLException {
        throw Unsupported.unsupported(ResultSet.class, "getCursorName");
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            page = null;
            rows = null;
            row = null;
            if (statement != null) {
                statement.resultClosed();
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
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
