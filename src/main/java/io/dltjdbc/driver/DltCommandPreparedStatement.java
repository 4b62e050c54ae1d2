package io.dltjdbc.driver;

import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A prepared dlt command, e.g. {@code LOAD PIPELINE p FROM ? INTO t}: tools bind the parameters with
 * the usual setters and the command runs with them in place of its {@code ?} markers.
 */
final class DltCommandPreparedStatement extends BindingPreparedStatement {
    private final String sql;
    private final Object[] parameters;
    private final boolean[] bound;

    DltCommandPreparedStatement(DltConnection connection, Statement delegate, String sql, int parameterCount) {
        super(connection, delegate);
        this.sql = sql;
        this.parameters = new Object[parameterCount];
        this.bound = new boolean[parameterCount];
    }

    @Override
    protected void bind(int index, Object value) throws SQLException {
        if (index < 1 || index > parameters.length) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("parameter index " + index + " is out of range: the statement has "
                    + parameters.length + " parameter(s)");
        }
        parameters[index - 1] = value;
        bound[index - 1] = true;
    }

    private List<Object> boundParameters() throws SQLException {
        for (int i = 0; i < bound.length; i++) {
            if (!bound[i]) {
                throw new SQLException("No value specified for parameter " + (i + 1), "07001");
            }
        }
        return new ArrayList<>(Arrays.asList(parameters));
    }

    @Override
    public boolean execute() throws SQLException {
        return runCommand(sql, boundParameters());
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        runCommand(sql, boundParameters());
        return commandResultSet(sql);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        runCommand(sql, boundParameters());
        return commandUpdateCount();
    }

    @Override
    public void clearParameters() {
        Arrays.fill(parameters, null);
        Arrays.fill(bound, false);
    }

    @Override
    public void addBatch() throws SQLException {
        throw new SQLFeatureNotSupportedException("dlt commands can't be batched; execute them one by one",
                DltSqlState.FEATURE_NOT_SUPPORTED.getState());
    }

    /** Unknown before the command runs (its columns depend on what it does). */
    @Override
    public ResultSetMetaData getMetaData() {
        return null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() {
        return new TextParameterMetaData(parameters.length);
    }

    @Override
    public String toString() {
        return "DltCommandPreparedStatement[" + Redaction.maskUrl(sql) + "]";
    }

    /** Every parameter of a dlt command is text (a path, JSON, SQL, an option value). */
    private record TextParameterMetaData(int count) implements ParameterMetaData {
        @Override
        public int getParameterCount() {
            return count;
        }

        @Override
        public int isNullable(int param) {
            return parameterNoNulls;
        }

        @Override
        public boolean isSigned(int param) {
            return false;
        }

        @Override
        public int getPrecision(int param) {
            return 0;
        }

        @Override
        public int getScale(int param) {
            return 0;
        }

        @Override
        public int getParameterType(int param) {
            return Types.VARCHAR;
        }

        @Override
        public String getParameterTypeName(int param) {
            return "VARCHAR";
        }

        @Override
        public String getParameterClassName(int param) {
            return String.class.getName();
        }

        @Override
        public int getParameterMode(int param) {
            return parameterModeIn;
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
}
