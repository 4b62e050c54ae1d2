package io.dltjdbc.driver;

import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.DestinationSettings;
import io.dltjdbc.driver.forwarding.ForwardingConnection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The virtual connection a {@code jdbc:dlt:} URL opens. Plain SQL and metadata go to the destination
 * driver's connection; dlt commands run in the driver. Every object it hands out points back to this
 * facade ({@code getConnection()}), never to the inner connection, which only {@code unwrap} reaches.
 */
public final class DltConnection extends ForwardingConnection {
    private final DltUrl url;
    private final DestinationFactory factory;
    private final Destination destination;
    private final DestinationSettings settings;
    private final CommandRunner commands;
    private final List<String> secrets;
    private volatile String dataset;
    private volatile boolean readOnlyHint;
    private final Properties clientInfo = new Properties();
    private final List<io.dltjdbc.LoadListener> loadListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    DltConnection(DltUrl url, DestinationFactory factory, Destination destination, DestinationSettings settings,
            CommandRunner commands, List<String> secrets) {
        super(destination.sqlConnection());
        this.url = url;
        this.factory = factory;
        this.destination = destination;
        this.settings = settings;
        this.commands = commands;
        this.secrets = List.copyOf(secrets);
        this.dataset = settings.dataset();
    }

    public Destination destination() {
        return destination;
    }

    public DestinationFactory destinationFactory() {
        return factory;
    }

    public DestinationSettings settings() {
        return settings;
    }

    /** The dataset unqualified names resolve to, or null when the URL named none. */
    public String dataset() {
        return dataset;
    }

    public String pipelineName() {
        return settings.pipelineName();
    }

    /** Progress of this connection's LOAD PIPELINE statements goes to {@code listener}. */
    public void addLoadListener(io.dltjdbc.LoadListener listener) {
        loadListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    public void removeLoadListener(io.dltjdbc.LoadListener listener) {
        loadListeners.remove(listener);
    }

    public List<io.dltjdbc.LoadListener> loadListeners() {
        return loadListeners;
    }

    CommandRunner commands() {
        return commands;
    }

    /** Removes every configured secret from a message from another driver. */
    public String scrub(String message) {
        return Redaction.maskValues(message, secrets);
    }

    /** The URL tools may show: the password and secret keys masked. */
    public String displayUrl() {
        return url.redacted(Redaction.SECRET_KEYS);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return new DltStatement(this, delegate.createStatement(), delegate::createStatement);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return new DltStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency),
                () -> delegate.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return new DltStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability),
                () -> delegate.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        if (commands.handles(sql)) {
            return new DltCommandPreparedStatement(this, delegate.createStatement(), sql, commands.parameterCount(sql));
        }
        return new DltPreparedStatement(this, delegate.prepareStatement(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        if (commands.handles(sql)) {
            return prepareStatement(sql);
        }
        return new DltPreparedStatement(this, delegate.prepareStatement(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        if (commands.handles(sql)) {
            return prepareStatement(sql);
        }
        return new DltPreparedStatement(this, delegate.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (commands.handles(sql)) {
            return prepareStatement(sql);
        }
        return preparedWithKeys(sql, () -> delegate.prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        if (commands.handles(sql)) {
            return prepareStatement(sql);
        }
        return preparedWithKeys(sql, () -> delegate.prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        if (commands.handles(sql)) {
            return prepareStatement(sql);
        }
        return preparedWithKeys(sql, () -> delegate.prepareStatement(sql, columnNames));
    }

    /** Statements reading a result in a transaction the driver opened for it (see {@link StreamingTransaction}). */
    private int streams;

    /** Opens (or joins) the driver's own transaction for a streamed query; false where none is needed. */
    synchronized boolean beginStream() throws SQLException {
        if (!destination.name().equals("postgres")) {
            return false;
        }
        if (streams > 0) {
            streams++;
            return true;
        }
        if (!delegate.getAutoCommit()) {
            return false;
        }
        delegate.setAutoCommit(false);
        streams = 1;
        return true;
    }

    /** The last open stream commits its transaction and turns auto-commit back on. */
    synchronized void endStream() throws SQLException {
        if (streams > 0 && --streams == 0) {
            try {
                delegate.setAutoCommit(true);
            } catch (SQLException e) {
                abortStream();
                throw e;
            }
        }
    }

    synchronized void abortStream() {
        if (streams > 0) {
            streams = 0;
            try {
                delegate.rollback();
                delegate.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the query's own error is what the caller sees
            }
        }
    }

    /** While the driver streams a result in its own transaction, the connection is still in auto-commit mode. */
    @Override
    public synchronized boolean getAutoCommit() throws SQLException {
        return streams > 0 || delegate.getAutoCommit();
    }

    @Override
    public synchronized void setAutoCommit(boolean autoCommit) throws SQLException {
        streams = 0;
        delegate.setAutoCommit(autoCommit);
    }

    /** In auto-commit mode (also while the driver streams a result in its own transaction) as pgjdbc does: an error. */
    @Override
    public synchronized void commit() throws SQLException {
        if (streams > 0) {
            throw DltSqlState.NO_ACTIVE_SQL_TRANSACTION.exception("cannot commit when auto-commit is enabled");
        }
        delegate.commit();
    }

    @Override
    public synchronized void rollback() throws SQLException {
        if (streams > 0) {
            throw DltSqlState.NO_ACTIVE_SQL_TRANSACTION.exception("cannot roll back when auto-commit is enabled");
        }
        delegate.rollback();
    }

    private interface Preparation {
        PreparedStatement prepare() throws SQLException;
    }

    /** Where the destination's driver can't return generated keys (DuckDB) the statement is prepared without them. */
    private PreparedStatement preparedWithKeys(String sql, Preparation withKeys) throws SQLException {
        try {
            return new DltPreparedStatement(this, withKeys.prepare());
        } catch (SQLFeatureNotSupportedException e) {
            return new DltPreparedStatement(this, delegate.prepareStatement(sql), false);
        }
    }

    /** Client info is a hint too: kept here when the destination's driver refuses it (DuckDB), never an error. */
    @Override
    public void setClientInfo(String name, String value) {
        if (name == null) {
            return;
        }
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
        try {
            delegate.setClientInfo(name, value);
        } catch (SQLException | RuntimeException ignored) {
            // the value stays with the facade
        }
    }

    @Override
    public void setClientInfo(Properties properties) {
        if (properties == null) {
            return;
        }
        for (String name : properties.stringPropertyNames()) {
            setClientInfo(name, properties.getProperty(name));
        }
    }

    @Override
    public String getClientInfo(String name) {
        try {
            String value = delegate.getClientInfo(name);
            if (value != null) {
                return value;
            }
        } catch (SQLException | RuntimeException ignored) {
            // answered from the facade
        }
        return name == null ? null : clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() {
        Properties all = new Properties();
        try {
            Properties vendor = delegate.getClientInfo();
            if (vendor != null) {
                all.putAll(vendor);
            }
        } catch (SQLException | RuntimeException ignored) {
            // answered from the facade
        }
        all.putAll(clientInfo);
        return all;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return new DltDatabaseMetaData(this, delegate.getMetaData());
    }

    /** Read-only is a hint (REFERENCE: tools fail to connect when it throws); DuckDB can't switch after opening. */
    @Override
    public void setReadOnly(boolean readOnly) {
        readOnlyHint = readOnly;
        try {
            delegate.setReadOnly(readOnly);
        } catch (SQLException ignored) {
            // the destination keeps its mode; the hint is remembered for isReadOnly
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return readOnlyHint || delegate.isReadOnly();
    }

    /** Switching the schema switches the dataset: unqualified names and loads go there. */
    @Override
    public void setSchema(String schema) throws SQLException {
        destination.useDataset(schema);
        dataset = schema;
    }

    @Override
    public String getSchema() throws SQLException {
        return dataset != null ? dataset : delegate.getSchema();
    }

    @Override
    public void close() throws SQLException {
        if (!delegate.isClosed()) {
            destination.close();
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface);
    }

    @Override
    public java.sql.CallableStatement prepareCall(String sql) throws SQLException {
        throw new SQLFeatureNotSupportedException("stored procedure calls are not supported through dlt-jdbc",
                DltSqlState.FEATURE_NOT_SUPPORTED.getState());
    }

    @Override
    public java.sql.CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public java.sql.CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int holdability)
            throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public String toString() {
        return "DltConnection[" + displayUrl() + "]";
    }
}
