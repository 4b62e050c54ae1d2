package io.dltjdbc.driver;

import io.dltjdbc.driver.forwarding.ForwardingStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

/**
 * A statement of a dlt connection: dlt commands ({@code LOAD PIPELINE}, {@code SHOW PIPELINES} ...) run
 * in the driver and leave their summary as the current result; any other SQL goes unchanged to the
 * destination's statement, whose results and errors come back as they are.
 */
public class DltStatement extends ForwardingStatement {
    protected final DltConnection connection;
    private boolean commandIsCurrent;
    private InMemoryResultSet commandResult;
    private long commandUpdateCount = -1;
    private SQLWarning commandWarnings;
    private boolean noGeneratedKeys;
    private long maxRows;
    private final StreamingTransaction stream;
    private volatile Runnable cancelHook;
    /** Opens another vendor statement like the first one; null for statements that are never replaced. */
    private final StatementOpener opener;
    private final StatementSettings settings = new StatementSettings();
    private boolean closedByCaller;
    private boolean closeOnCompletion;

    /** Opens a vendor statement (of the type, concurrency and holdability the caller asked for). */
    @FunctionalInterface
    interface StatementOpener {
        Statement open() throws SQLException;
    }

    DltStatement(DltConnection connection, Statement delegate) {
        this(connection, delegate, null);
    }

    DltStatement(DltConnection connection, Statement delegate, StatementOpener opener) {
        super(delegate);
        this.connection = connection;
        this.stream = new StreamingTransaction(connection);
        this.opener = opener;
    }

    /**
     * DuckDB closes a statement whose SQL failed (a typo, a missing table); JDBC callers expect to run the next
     * query on it, as pgjdbc allows and interactive tools (our CLI's {@code sql} session among them) do. So a
     * vendor statement closed by anyone but the caller is replaced by a fresh one with the caller's settings.
     */
    private void reopenIfTheVendorClosedIt() throws SQLException {
        if (opener != null && !closedByCaller && !closeOnCompletion && delegate.isClosed()) {
            Statement fresh = opener.open();
            settings.applyTo(fresh);
            delegate = fresh;
        }
    }

    /** A setter call: on the vendor statement now, and again on any statement that replaces it. */
    private void remember(String name, StatementSettings.Setting setting) throws SQLException {
        reopenIfTheVendorClosedIt();
        settings.set(delegate, name, setting);
    }

    @Override
    public boolean isClosed() throws SQLException {
        if (closedByCaller) {
            return true;
        }
        return (opener == null || closeOnCompletion) && delegate.isClosed();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        delegate.closeOnCompletion();
        closeOnCompletion = true;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        remember("queryTimeout", statement -> statement.setQueryTimeout(seconds));
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        remember("fetchSize", statement -> statement.setFetchSize(rows));
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        remember("fetchDirection", statement -> statement.setFetchDirection(direction));
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        remember("maxFieldSize", statement -> statement.setMaxFieldSize(max));
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        remember("escapeProcessing", statement -> statement.setEscapeProcessing(enable));
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        remember("poolable", statement -> statement.setPoolable(poolable));
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        remember("cursorName", statement -> statement.setCursorName(name));
    }

    /** The inner statement, for commands that need to cancel or time out what they run. */
    public Statement innerStatement() {
        return delegate;
    }

    public DltConnection dltConnection() {
        return connection;
    }

    /** Lets a running dlt command stop when {@link #cancel()} is called from another thread (null: none). */
    public void onCancel(Runnable hook) {
        cancelHook = hook;
    }

    @Override
    public void cancel() throws SQLException {
        Runnable hook = cancelHook;
        if (hook != null) {
            hook.run();
        }
        delegate.cancel();
    }

    protected boolean runCommand(String sql, List<Object> parameters) throws SQLException {
        finishPrevious();
        CommandRunner.CommandResult result = connection.commands().run(this, sql, parameters);
        commandIsCurrent = true;
        commandResult = result.resultSet() == null ? null : result.resultSet().withStatement(this);
        commandUpdateCount = result.updateCount();
        for (String warning : result.warnings()) {
            SQLWarning next = new SQLWarning(warning, "01000"); // 01000: warning, no subclass
            if (commandWarnings == null) {
                commandWarnings = next;
            } else {
                commandWarnings.setNextWarning(next);
            }
        }
        return commandResult != null;
    }

    private void clearCommand() {
        if (commandResult != null) {
            commandResult.close();
        }
        commandIsCurrent = false;
        commandResult = null;
        commandUpdateCount = -1;
        commandWarnings = null;
    }

    /** Before running anything: the previous command's result goes, a streamed result's transaction ends. */
    private void finishPrevious() throws SQLException {
        clearCommand();
        stream.end();
        reopenIfTheVendorClosedIt();
    }

    protected ResultSet commandResultSet(String sql) throws SQLException {
        if (commandResult == null) {
            throw DltSqlState.DATA_EXCEPTION.exception("the statement returned no result set: " + firstWords(sql));
        }
        return commandResult;
    }

    protected long commandUpdateCount() {
        return Math.max(commandUpdateCount, 0);
    }

    private static String firstWords(String sql) {
        String text = sql.strip();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private boolean isCommand(String sql) {
        return connection.commands().handles(sql);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        if (isCommand(sql)) {
            return runCommand(sql, List.of());
        }
        finishPrevious();
        stream.begin(delegate);
        try {
            boolean resultSet = delegate.execute(sql);
            if (!resultSet) {
                stream.end();
            }
            return resultSet;
        } catch (SQLException e) {
            stream.abort();
            throw e;
        }
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        if (isCommand(sql)) {
            return runCommand(sql, List.of());
        }
        finishPrevious();
        return withoutKeysIfUnsupported(() -> delegate.execute(sql, autoGeneratedKeys), () -> delegate.execute(sql));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        if (isCommand(sql)) {
            return runCommand(sql, List.of());
        }
        finishPrevious();
        return withoutKeysIfUnsupported(() -> delegate.execute(sql, columnIndexes), () -> delegate.execute(sql));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        if (isCommand(sql)) {
            return runCommand(sql, List.of());
        }
        finishPrevious();
        return withoutKeysIfUnsupported(() -> delegate.execute(sql, columnNames), () -> delegate.execute(sql));
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (isCommand(sql)) {
            runCommand(sql, List.of());
            return commandResultSet(sql);
        }
        finishPrevious();
        stream.begin(delegate);
        try {
            return wrapResultSet(delegate.executeQuery(sql));
        } catch (SQLException e) {
            stream.abort();
            throw e;
        }
    }

    /** For a dlt command: the total of rows it wrote (SPEC §4). */
    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (isCommand(sql)) {
            runCommand(sql, List.of());
            return commandUpdateCount();
        }
        finishPrevious();
        return delegate.executeLargeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql, columnNames));
    }

    /**
     * Where the destination's driver can't return generated keys (DuckDB throws) the statement runs
     * anyway and {@link #getGeneratedKeys()} is empty, as {@code generatedKeyAlwaysReturned() == false} allows.
     */
    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        if (isCommand(sql)) {
            return executeLargeUpdate(sql);
        }
        finishPrevious();
        return withoutKeysIfUnsupported(() -> delegate.executeLargeUpdate(sql, autoGeneratedKeys), () -> delegate.executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        if (isCommand(sql)) {
            return executeLargeUpdate(sql);
        }
        finishPrevious();
        return withoutKeysIfUnsupported(() -> delegate.executeLargeUpdate(sql, columnIndexes), () -> delegate.executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        if (isCommand(sql)) {
            return executeLargeUpdate(sql);
        }
        finishPrevious();
        return withoutKeysIfUnsupported(() -> delegate.executeLargeUpdate(sql, columnNames), () -> delegate.executeLargeUpdate(sql));
    }

    private interface Execution<T> {
        T run() throws SQLException;
    }

    private <T> T withoutKeysIfUnsupported(Execution<T> withKeys, Execution<T> plain) throws SQLException {
        noGeneratedKeys = false;
        try {
            return withKeys.run();
        } catch (SQLFeatureNotSupportedException e) {
            noGeneratedKeys = true;
            return plain.run();
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        if (noGeneratedKeys || commandIsCurrent) {
            return new InMemoryResultSet(List.of(), List.of()).withStatement(this);
        }
        try {
            return wrapResultSet(delegate.getGeneratedKeys());
        } catch (SQLFeatureNotSupportedException e) {
            return new InMemoryResultSet(List.of(), List.of()).withStatement(this);
        }
    }

    /** Kept here too: DuckDB's driver accepts a maximum but returns every row, so the facade stops at it. */
    @Override
    public void setMaxRows(int max) throws SQLException {
        remember("maxRows", statement -> statement.setMaxRows(max));
        maxRows = max;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        remember("maxRows", statement -> {
            try {
                statement.setLargeMaxRows(max);
            } catch (UnsupportedOperationException | SQLFeatureNotSupportedException e) {
                statement.setMaxRows((int) Math.min(Integer.MAX_VALUE, max));
            }
        });
        maxRows = max;
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return maxRows;
    }

    @Override
    public int getMaxRows() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, maxRows);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        finishPrevious();
        return delegate.executeLargeBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        finishPrevious();
        return delegate.executeBatch();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        if (commandIsCurrent) {
            return commandResult;
        }
        return wrapResultSet(delegate.getResultSet());
    }

    /**
     * After a command that returned its summary as a result set this is -1, as JDBC requires and as
     * SQL editors expect (DBeaver stops reading results at -1); {@code executeUpdate} gives the row total.
     */
    @Override
    public int getUpdateCount() throws SQLException {
        if (commandIsCurrent) {
            return commandResult != null ? -1 : (int) Math.min(Integer.MAX_VALUE, commandUpdateCount);
        }
        return delegate.getUpdateCount();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        if (commandIsCurrent) {
            return commandResult != null ? -1 : commandUpdateCount;
        }
        return delegate.getLargeUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        stream.end();
        if (commandIsCurrent) {
            SQLWarning warnings = commandWarnings;
            finishPrevious();
            commandWarnings = warnings; // warnings last until the next execution (JDBC), not until the next result
            commandIsCurrent = true; // the command's results are exhausted: no result set, update count -1
            return false;
        }
        return delegate.getMoreResults();
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        stream.end();
        if (commandIsCurrent) {
            return getMoreResults();
        }
        return delegate.getMoreResults(current);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        SQLWarning inner = delegate.getWarnings();
        if (commandWarnings == null) {
            return inner;
        }
        if (inner != null && !inChain(commandWarnings, inner)) {
            commandWarnings.setNextWarning(inner); // once: linking it again on the next call would make a cycle
        }
        return commandWarnings;
    }

    private static boolean inChain(SQLWarning chain, SQLWarning warning) {
        for (SQLWarning w = chain; w != null; w = w.getNextWarning()) {
            if (w == warning) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void clearWarnings() throws SQLException {
        commandWarnings = null;
        delegate.clearWarnings();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        if (isCommand(sql)) {
            throw new SQLFeatureNotSupportedException("dlt commands can't be batched; execute them one by one",
                    DltSqlState.FEATURE_NOT_SUPPORTED.getState());
        }
        reopenIfTheVendorClosedIt();
        delegate.addBatch(sql);
    }

    @Override
    public void close() throws SQLException {
        closedByCaller = true;
        clearCommand();
        try {
            delegate.close();
        } finally {
            stream.end();
        }
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    protected ResultSet wrapResultSet(ResultSet resultSet) {
        return resultSet == null ? null : new DltResultSet(this, resultSet, maxRows).streamedIn(stream);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface);
    }
}
