package io.dltjdbc.destination.duckdb;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.destination.SqlLoader;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.Table;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * DuckDB's bulk path: the staged newline-delimited JSON is read by DuckDB's own parallel
 * {@code read_json} with the exact column types given, never row-at-a-time INSERTs. Values JSON can't
 * carry exactly travel as text and are converted in the same statement: decimals (no float rounding),
 * binary (base64), timestamps (ISO-8601 with offset).
 */
public final class DuckDbLoader extends SqlLoader {

    private static final long LOCK_POLL_MILLIS = 100;

    /** Loads into this database file from this JVM take turns; null in memory (one database per connection). */
    private final ReentrantLock databaseLock;
    private boolean locked;

    public DuckDbLoader(Connection connection, DuckDbDialect dialect, Path file) {
        super(connection, dialect, DuckDbTypeMapper.INSTANCE);
        this.databaseLock = file == null ? null : DuckDbInstances.loadLock(file);
    }

    /**
     * One load at a time per database file: DuckDB aborts one of two concurrent writers with a write-write
     * conflict, even in different schemas (its catalog is shared), so concurrent loads from a connection pool
     * queue here, as Postgres loads queue on their advisory lock, instead of failing with 40001. Other processes
     * cannot open the file for writing at all (DuckDB's file lock). The wait stops on cancel.
     */
    @Override
    protected void lockDataset(String dataset) throws SQLException {
        if (databaseLock == null) {
            return;
        }
        try {
            while (!databaseLock.tryLock(LOCK_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                checkCanceled();
            }
            locked = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DltSqlState.QUERY_CANCELED.exception("interrupted while waiting for another load into this database", e);
        }
    }

    @Override
    protected void unlockDataset() {
        if (locked) {
            locked = false;
            databaseLock.unlock();
        }
    }

    @Override
    protected void insertStaged(String dataset, Table table, Path stagedFile) throws SQLException {
        insert(dataset, table, stagedFile, false);
    }

    /** {@code WITH ORDINALITY} numbers the rows in file order, whatever the data's own columns are called (even rowid). */
    @Override
    protected boolean insertStagedInOrder(String staging, Table root, Path stagedFile) throws SQLException {
        execute("ALTER TABLE " + dialect.qualified(staging, root.name()) + " ADD COLUMN " + q(STAGING_ORDER_COLUMN) + " BIGINT");
        insert(staging, root, stagedFile, true);
        return true;
    }

    private void insert(String dataset, Table table, Path stagedFile, boolean withOrder) throws SQLException {
        StringJoiner targetColumns = new StringJoiner(", ");
        StringJoiner selected = new StringJoiner(", ");
        StringJoiner readColumns = new StringJoiner(", ", "{", "}");
        for (Column column : table.columns()) {
            String name = q(column.name());
            targetColumns.add(name);
            String sqlType = types.sqlType(column);
            switch (column.type()) {
                case DECIMAL, TIMESTAMP, TIME -> {
                    readColumns.add(dialect.stringLiteral(column.name()) + ": 'VARCHAR'");
                    selected.add("CAST(" + name + " AS " + sqlType + ")");
                }
                case BINARY -> {
                    readColumns.add(dialect.stringLiteral(column.name()) + ": 'VARCHAR'");
                    selected.add("from_base64(" + name + ")");
                }
                default -> {
                    readColumns.add(dialect.stringLiteral(column.name()) + ": " + dialect.stringLiteral(sqlType));
                    selected.add(name);
                }
            }
        }
        if (withOrder) {
            targetColumns.add(q(STAGING_ORDER_COLUMN));
            selected.add("ordinality");
        }
        try {
            execute("INSERT INTO " + dialect.qualified(dataset, table.name()) + " (" + targetColumns + ") SELECT " + selected
                    + " FROM read_json(" + dialect.stringLiteral(stagedFile.toAbsolutePath().toString())
                    + ", format = 'newline_delimited', columns = " + readColumns + ")" + (withOrder ? " WITH ORDINALITY" : ""));
        } catch (SQLException e) {
            // name the table the user knows; the staged file is an internal detail kept in the cause
            throw new SQLException("cannot load the rows of table " + dataset + "." + table.name() + ": " + firstLine(e.getMessage()),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    @Override
    protected String sqlState(SQLException e) {
        return e.getSQLState() != null ? e.getSQLState() : DuckDbErrors.sqlState(e.getMessage()).getState();
    }

    /** DuckDB reports a concurrent writer as a write-write or transaction conflict, without an SQLState. */
    @Override
    protected boolean isConcurrentWriteConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("write-write conflict") || message.contains("Transaction conflict")
                    || message.contains("TransactionContext Error")) {
                return true;
            }
        }
        return super.isConcurrentWriteConflict(e);
    }

    @Override
    protected String insertionOrder() {
        return "rowid";
    }
}
