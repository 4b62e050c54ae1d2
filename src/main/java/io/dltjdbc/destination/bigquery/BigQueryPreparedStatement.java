package io.dltjdbc.destination.bigquery;

import io.dltjdbc.driver.Unwrapping;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.forwarding.ForwardingPreparedStatement;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A query with GoogleSQL positional parameters ({@code ?}), bound as typed query parameters, never spliced
 * into the text. The {@link Statement} part is a {@link BigQueryStatement}; the setters here cover the
 * common JDBC types.
 */
final class BigQueryPreparedStatement extends ForwardingPreparedStatement {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final BigQueryStatement statement;
    private final String sql;
    private final List<QueryParameterValue> parameters = new ArrayList<>();
    private final List<List<QueryParameterValue>> batch = new ArrayList<>();

    BigQueryPreparedStatement(BigQueryJdbcConnection connection, String sql) {
        this(new BigQueryStatement(connection), sql);
    }

    private BigQueryPreparedStatement(BigQueryStatement statement, String sql) {
        super(Unsupported.backedBy(PreparedStatement.class, Statement.class, statement));
        this.statement = statement;
        this.sql = sql;
    }

    private List<QueryParameterValue> bound() throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null) {
                throw DltSqlState.INVALID_PARAMETER_VALUE.exception("parameter " + (i + 1) + " is not set");
            }
        }
        return List.copyOf(parameters);
    }

    @Override
    public boolean execute() throws SQLException {
        return statement.run(sql, bound());
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("the statement returned no rows; use executeUpdate or execute");
        }
        return statement.getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute()) {
            statement.getMoreResults();
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("the statement returned rows; use executeQuery or execute");
        }
        return statement.getLargeUpdateCount();
    }

    @Override
    public void addBatch() throws SQLException {
        batch.add(bound());
    }

    @Override
    public void clearBatch() {
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        int[] counts = new int[batch.size()];
        try {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = statement.run(sql, batch.get(i)) ? SUCCESS_NO_INFO : statement.getUpdateCount();
                statement.getMoreResults();
            }
        } finally {
            batch.clear();
        }
        return counts;
    }

    @Override
    public void clearParameters() {
        parameters.clear();
    }

    @Override
    public ResultSetMetaData getMetaData() {
        return null; // known only after execution
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        throw Unsupported.unsupported(PreparedStatement.class, "getParameterMetaData");
    }

    private void set(int index, QueryParameterValue value) throws SQLException {
        if (index < 1) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("parameter index " + index + " is out of range");
        }
        while (parameters.size() < index) {
            parameters.add(null);
        }
        parameters.set(index - 1, value);
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, QueryParameterValue.of(null, nullType(sqlType)));
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        setNull(index, sqlType);
    }

    private static StandardSQLTypeName nullType(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> StandardSQLTypeName.INT64;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> StandardSQLTypeName.FLOAT64;
            case Types.BOOLEAN, Types.BIT -> StandardSQLTypeName.BOOL;
            case Types.DECIMAL, Types.NUMERIC -> StandardSQLTypeName.NUMERIC;
            case Types.DATE -> StandardSQLTypeName.DATE;
            case Types.TIME -> StandardSQLTypeName.TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> StandardSQLTypeName.TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> StandardSQLTypeName.BYTES;
            default -> StandardSQLTypeName.STRING;
        };
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, QueryParameterValue.bool(x));
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, QueryParameterValue.int64((long) x));
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, QueryParameterValue.int64((long) x));
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, QueryParameterValue.int64((long) x));
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, QueryParameterValue.int64(x));
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, QueryParameterValue.float64((double) x));
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, QueryParameterValue.float64(x));
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, x == null ? QueryParameterValue.of(null, StandardSQLTypeName.NUMERIC) : QueryParameterValue.bigNumeric(x));
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, QueryParameterValue.string(x));
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        setString(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, x == null ? QueryParameterValue.of(null, StandardSQLTypeName.BYTES) : QueryParameterValue.bytes(x));
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        setObject(index, x == null ? null : x.toLocalDate(), Types.DATE);
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        setObject(index, x == null ? null : x.toLocalTime(), Types.TIME);
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        setObject(index, x == null ? null : x.toInstant(), Types.TIMESTAMP);
    }

    @Override
    public void setDate(int index, Date x, java.util.Calendar cal) throws SQLException {
        setDate(index, x);
    }

    @Override
    public void setTime(int index, Time x, java.util.Calendar cal) throws SQLException {
        setTime(index, x);
    }

    @Override
    public void setTimestamp(int index, Timestamp x, java.util.Calendar cal) throws SQLException {
        setTimestamp(index, x);
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        if (x == null) {
            setNull(index, targetSqlType);
        } else {
            setObject(index, x);
        }
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x, targetSqlType);
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        if (x == null) {
            set(index, QueryParameterValue.of(null, StandardSQLTypeName.STRING));
        } else if (x instanceof String s) {
            setString(index, s);
        } else if (x instanceof Long || x instanceof Integer || x instanceof Short || x instanceof Byte) {
            setLong(index, ((Number) x).longValue());
        } else if (x instanceof Double || x instanceof Float) {
            setDouble(index, ((Number) x).doubleValue());
        } else if (x instanceof BigDecimal d) {
            setBigDecimal(index, d);
        } else if (x instanceof java.math.BigInteger b) {
            setBigDecimal(index, new BigDecimal(b));
        } else if (x instanceof Boolean b) {
            setBoolean(index, b);
        } else if (x instanceof byte[] bytes) {
            setBytes(index, bytes);
        } else if (x instanceof OffsetDateTime t) {
            set(index, QueryParameterValue.timestamp(t.withOffsetSameInstant(ZoneOffset.UTC).format(TIMESTAMP)));
        } else if (x instanceof ZonedDateTime t) {
            setObject(index, t.toOffsetDateTime());
        } else if (x instanceof Instant t) {
            setObject(index, t.atOffset(ZoneOffset.UTC));
        } else if (x instanceof Timestamp t) {
            setTimestamp(index, t);
        } else if (x instanceof LocalDateTime t) {
            set(index, QueryParameterValue.dateTime(t.format(DATETIME)));
        } else if (x instanceof LocalDate d) {
            set(index, QueryParameterValue.date(d.toString()));
        } else if (x instanceof Date d) {
            setDate(index, d);
        } else if (x instanceof LocalTime t) {
            set(index, QueryParameterValue.time(t.toString()));
        } else if (x instanceof Time t) {
            setTime(index, t);
        } else {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("cannot bind a " + x.getClass().getName()
                    + " as a BigQuery query parameter (parameter " + index + ")");
        }
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
