package io.dltjdbc.destination.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.forwarding.ForwardingConnection;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A small {@link Connection} over the BigQuery client, since BigQuery has no JDBC driver here: each SQL
 * text runs as one query job with the dataset as default dataset. BigQuery has no client transactions:
 * every job commits on its own, so {@code commit}/{@code rollback} have nothing to do. What it leaves out
 * throws {@link java.sql.SQLFeatureNotSupportedException}.
 */
public final class BigQueryJdbcConnection extends ForwardingConnection {
    static final int DEFAULT_PAGE_SIZE = 10_000;

    private final BigQuery bigquery;
    private final String project;
    private final String location;
    private volatile String dataset;
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int networkTimeout;

    BigQueryJdbcConnection(BigQuery bigquery, String project, String location, String dataset) {
        super(Unsupported.of(Connection.class));
        this.bigquery = bigquery;
        this.project = project;
        this.location = location;
        this.dataset = dataset;
    }

    BigQuery bigquery() {
        return bigquery;
    }

    String project() {
        return project;
    }

    String location() {
        return location;
    }

    void dataset(String dataset) {
        this.dataset = dataset;
    }

    /** The outcome of one query job: rows (when the statement returns any) or an update count. */
    record Executed(JobId job, TableResult rows, long updateCount) {
    }

    /**
     * Runs {@code sql} as a query job and waits for it. {@code started} learns the job id before the job is
     * created, so that {@code Statement.cancel} from another thread can cancel it.
     */
    Executed execute(String sql, List<QueryParameterValue> parameters, int timeoutSeconds, int pageSize, Consumer<JobId> started)
            throws SQLException {
        checkOpen();
        QueryJobConfiguration.Builder config = QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false);
        if (dataset != null) {
            config.setDefaultDataset(DatasetId.of(project, dataset));
        }
        if (parameters != null && !parameters.isEmpty()) {
            config.setPositionalParameters(parameters);
        }
        if (timeoutSeconds > 0) {
            config.setJobTimeoutMs(timeoutSeconds * 1000L);
        }
        JobId id = JobId.newBuilder().setProject(project).setLocation(location).setJob("dltjdbc_" + UUID.randomUUID()).build();
        if (started != null) {
            started.accept(id);
        }
        try {
            Job job = bigquery.create(JobInfo.of(id, config.build()));
            job = job.waitFor();
            if (job == null) {
                throw DltSqlState.QUERY_CANCELED.exception("BigQuery job " + id.getJob() + " disappeared while running");
            }
            if (job.getStatus() != null && job.getStatus().getError() != null) {
                throw BigQueryErrors.of("query failed", job.getStatus().getError(), job.getStatus().getExecutionErrors());
            }
            JobStatistics.QueryStatistics statistics = job.getStatistics();
            JobStatistics.QueryStatistics.StatementType type = statistics == null ? null : statistics.getStatementType();
            if (returnsRows(type, sql)) {
                TableResult rows = job.getQueryResults(BigQuery.QueryResultsOption.pageSize(pageSize > 0 ? pageSize : DEFAULT_PAGE_SIZE));
                return new Executed(id, rows, -1);
            }
            Long affected = statistics == null ? null : statistics.getNumDmlAffectedRows();
            return new Executed(id, null, affected == null ? 0 : affected);
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("query failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DltSqlState.QUERY_CANCELED.exception("interrupted while waiting for BigQuery job " + id.getJob(), e);
        }
    }

    private static boolean returnsRows(JobStatistics.QueryStatistics.StatementType type, String sql) {
        if (type == null) {
            String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
            return head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("(");
        }
        return JobStatistics.QueryStatistics.StatementType.SELECT.equals(type);
    }

    void cancel(JobId job) throws SQLException {
        try {
            bigquery.cancel(job);
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("cannot cancel job " + job.getJob(), e);
        }
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw DltSqlState.CONNECTION_FAILURE.exception("the BigQuery connection is closed");
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new BigQueryStatement(this);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        checkForwardOnly(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new BigQueryPreparedStatement(this, sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkForwardOnly(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkForwardOnly(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    private static void checkForwardOnly(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new java.sql.SQLFeatureNotSupportedException("BigQuery results are forward-only and read-only",
                    DltSqlState.FEATURE_NOT_SUPPORTED.getState());
        }
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() {
        return autoCommit;
    }

    /** Every BigQuery job commits by itself; there is nothing pending. */
    @Override
    public void commit() throws SQLException {
        checkOpen();
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
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
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new BigQueryDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) {
        // the project is fixed by the URL
    }

    @Override
    public String getCatalog() {
        return project;
    }

    @Override
    public void setTransactionIsolation(int level) {
        // BigQuery jobs read a snapshot; there is no level to choose
    }

    @Override
    public int getTransactionIsolation() {
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public Map<String, Class<?>> getTypeMap() {
        return Map.of();
    }

    @Override
    public void setHoldability(int holdability) {
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("timeout must not be negative");
        }
        return !closed;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
    }

    @Override
    public String getClientInfo(String name) {
        return null;
    }

    @Override
    public Properties getClientInfo() {
        return new Properties();
    }

    @Override
    public void setSchema(String schema) {
        this.dataset = schema;
    }

    @Override
    public String getSchema() {
        return dataset;
    }

    @Override
    public void abort(Executor executor) {
        closed = true;
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) {
        this.networkTimeout = milliseconds;
    }

    @Override
    public int getNetworkTimeout() {
        return networkTimeout;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(bigquery)) {
            return iface.cast(bigquery);
        }
        throw DltSqlState.INVALID_PARAMETER_VALUE.exception("the BigQuery connection is not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this) || iface.isInstance(bigquery);
    }

    @Override
    public String toString() {
        return "BigQueryJdbcConnection[project=" + project + ", dataset=" + dataset + "]";
    }
}
