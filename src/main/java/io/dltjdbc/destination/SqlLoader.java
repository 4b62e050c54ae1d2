package io.dltjdbc.destination;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.Table;
import io.dltjdbc.schema.WriteDisposition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Loads a {@link LoadPlan} into a SQL destination inside one transaction: tables created or
 * extended, rows appended, replaced or merged (through {@code <dataset>_staging}), the schema and
 * state stored, and the {@code _dlt_loads} row written last. A failure anywhere rolls everything back,
 * so readers see the previous load until the commit makes the new one visible at once.
 * Destinations supply only the bulk path from a staged file into a table.
 */
public abstract class SqlLoader implements Loader {
    public static final String STAGING_SUFFIX = "_staging";

    protected final Connection connection;
    protected final SqlDialect dialect;
    protected final TypeMapper types;
    private volatile boolean canceled;
    private volatile boolean working;
    private volatile Statement running;
    private String stagingDataset;

    protected SqlLoader(Connection connection, SqlDialect dialect, TypeMapper types) {
        this.connection = connection;
        this.dialect = dialect;
        this.types = types;
    }

    /** Appends the staged rows (newline-delimited JSON) to {@code dataset.table}, columns as in {@code table}. */
    protected abstract void insertStaged(String dataset, Table table, Path stagedFile) throws SQLException;

    /** An expression ordering rows of a table by insertion, for "last row wins" deduplication. */
    protected abstract String insertionOrder();

    /** Column of a merge's staged root table holding each row's position in the load, where the destination fills it. */
    public static final String STAGING_ORDER_COLUMN = "_dlt_staging_order";

    /**
     * Appends the staged rows of a merge's root table to its staging copy together with their position in the
     * staged file, in {@link #STAGING_ORDER_COLUMN}. Returns false when the destination can't (the default):
     * deduplication then orders by {@link #insertionOrder()}, which a data column of that name can shadow.
     */
    protected boolean insertStagedInOrder(String staging, Table root, Path stagedFile) throws SQLException {
        return false;
    }

    /**
     * Stops a running {@link #load} from another thread: the SQL statement it runs is cancelled (on
     * PostgreSQL and Redshift whatever the session runs, a COPY or a lock wait included), and it runs no
     * further statement; the load then rolls back. Safe to call repeatedly; does nothing once rolling back.
     */
    @Override
    public void cancel() {
        canceled = true;
        if (!working) {
            return;
        }
        try {
            Statement statement = running;
            if (statement != null) {
                statement.cancel();
            } else if (connection.isWrapperFor(org.postgresql.PGConnection.class)) {
                connection.unwrap(org.postgresql.PGConnection.class).cancelQuery();
            }
        } catch (SQLException | RuntimeException ignored) {
            // the flag stops the load at its next statement
        }
    }

    /** Throws 57014 once {@link #cancel()} was called. */
    protected void checkCanceled() throws SQLException {
        if (canceled) {
            throw DltSqlState.QUERY_CANCELED.exception("the load was cancelled");
        }
    }

    @Override
    public void load(LoadPlan plan) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        working = true;
        stagingDataset = plan.dataset() + STAGING_SUFFIX;
        try {
            checkCanceled();
            SystemTables system = new SystemTables(connection, dialect, types);
            lockDataset(plan.dataset());
            createDataset(plan.dataset());
            system.create(plan.dataset());
            Schema schema = plan.schema();
            for (ResourceLoad resource : plan.resources()) {
                for (TableLoad table : resource.tables()) {
                    syncTable(plan.dataset(), table.table());
                }
                if (resource.disposition() == WriteDisposition.REPLACE) {
                    replace(plan.dataset(), schema, resource);
                } else if (resource.mergesByKey()) {
                    merge(plan, resource);
                } else {
                    append(plan.dataset(), resource);
                }
            }
            if (plan.storeSchema()) {
                schema = system.schemaToStore(plan.dataset(), schema);
                system.insertVersion(plan.dataset(), schema.version(), schema.name(), schema.versionHash(), schema.toJson(),
                        plan.startedAt());
            }
            if (plan.state() != null) {
                system.insertState(plan.dataset(), plan.stateVersion(), plan.pipelineName(), plan.state(), plan.stateHash(),
                        plan.loadId(), stateRowId(), plan.startedAt());
            }
            checkCanceled();
            system.insertLoad(plan.dataset(), plan.loadId(), schema.name(), 0, schema.versionHash(), java.time.OffsetDateTime.now(
                    java.time.ZoneOffset.UTC));
            checkCanceled();
            working = false;
            connection.commit();
        } catch (SQLException e) {
            working = false;
            rollbackQuietly(e);
            if (isConcurrentWriteConflict(e)) {
                throw DltSqlState.SERIALIZATION_FAILURE.exception("another load into dataset '" + plan.dataset()
                        + "' ran at the same time and changed the same tables; this load was rolled back and nothing of it"
                        + " is visible: re-run the statement (" + firstLine(e.getMessage()) + ")", e);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            working = false;
            rollbackQuietly(e);
            throw e;
        } finally {
            working = false;
            unlockDataset();
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** A random row id in dlt's format: base64 of 10 random bytes, unpadded. */
    private static String stateRowId() {
        byte[] bytes = new byte[10];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private void rollbackQuietly(Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Serializes loads into one dataset where the destination can (held until commit), so two loads at once
     * queue instead of racing on CREATE/ALTER. Default: nothing (DuckDB reports the race as a conflict).
     */
    protected void lockDataset(String dataset) throws SQLException {
    }

    /** Releases what {@link #lockDataset} took outside the transaction; called once the load committed or rolled back. */
    protected void unlockDataset() {
    }

    protected void createDataset(String dataset) throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS " + dialect.qualifiedSchema(dataset));
    }

    /** Whether {@code dataset} is this load's {@code <dataset>_staging}, whose tables are a merge's scratch copies. */
    protected boolean isStaging(String dataset) {
        return dataset.equals(stagingDataset);
    }

    /** Creates the table, or adds the columns the schema has and the table lacks (schema evolution). */
    protected void syncTable(String dataset, Table table) throws SQLException {
        List<Column> columns = table.columns();
        if (columns.isEmpty()) {
            return;
        }
        boolean staging = isStaging(dataset);
        String qualified = dialect.qualified(dataset, table.name());
        Set<String> existing = existingColumns(dataset, table.name());
        if (existing.isEmpty()) {
            StringJoiner definitions = new StringJoiner(", ");
            for (Column column : columns) {
                definitions.add(columnDefinition(column, staging));
            }
            execute("CREATE TABLE " + qualified + " (" + definitions + ")");
            return;
        }
        for (Column column : columns) {
            if (!existing.contains(column.name().toLowerCase(Locale.ROOT))) {
                // added columns are always nullable: rows already loaded have no value for them
                execute("ALTER TABLE " + qualified + " ADD COLUMN " + q(column.name()) + " " + types.sqlType(column));
                if (!staging && unique(column)) {
                    // a table constraint: Redshift's ADD COLUMN takes no column constraint; all NULLs are distinct
                    execute("ALTER TABLE " + qualified + " ADD UNIQUE (" + q(column.name()) + ")");
                }
            }
        }
    }

    /**
     * A column of CREATE TABLE: name, type, NOT NULL, and UNIQUE where the dialect declares it. Staging copies
     * get no UNIQUE: they hold a load's rows before deduplication.
     */
    protected String columnDefinition(Column column, boolean staging) {
        return q(column.name()) + " " + types.sqlType(column) + (column.nullable() ? "" : " NOT NULL")
                + (!staging && unique(column) ? " UNIQUE" : "");
    }

    private boolean unique(Column column) {
        return dialect.declaresUnique() && column.hasHint("unique");
    }

    protected Set<String> existingColumns(String dataset, String table) throws SQLException {
        checkCanceled();
        Set<String> names = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            query.setString(1, dataset);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private void append(String dataset, ResourceLoad resource) throws SQLException {
        for (TableLoad table : resource.tables()) {
            if (table.stagedFile() != null && !table.table().columns().isEmpty()) {
                insertStaged(dataset, table.table(), table.stagedFile());
            }
        }
    }

    /** Empties the resource's root and every descendant table, then inserts: invisible to readers until commit. */
    private void replace(String dataset, Schema schema, ResourceLoad resource) throws SQLException {
        for (Table table : schema.tableChain(resource.rootTable())) {
            if (!existingColumns(dataset, table.name()).isEmpty()) {
                execute("DELETE FROM " + dialect.qualified(dataset, table.name()));
            }
        }
        append(dataset, resource);
    }

    /**
     * dlt's delete-insert merge: the new rows go to {@code <dataset>_staging}; existing rows whose primary
     * or merge key appears there are deleted (child rows through {@code _dlt_root_id}); the new root rows
     * are inserted deduplicated by primary key (the last one wins) with the children of the rows kept.
     */
    private void merge(LoadPlan plan, ResourceLoad resource) throws SQLException {
        String dataset = plan.dataset();
        String staging = dataset + STAGING_SUFFIX;
        createDataset(staging);
        boolean ordered = false;
        for (TableLoad table : resource.tables()) {
            execute("DROP TABLE IF EXISTS " + dialect.qualified(staging, table.table().name()));
            syncTable(staging, table.table());
            if (table.stagedFile() == null || table.table().columns().isEmpty()) {
                continue;
            }
            if (table.table().isRoot() && !resource.primaryKey().isEmpty()) {
                ordered = insertStagedInOrder(staging, table.table(), table.stagedFile());
                if (ordered) {
                    continue;
                }
            }
            insertStaged(staging, table.table(), table.stagedFile());
        }
        Table root = plan.schema().table(resource.rootTable());
        String target = dialect.qualified(dataset, root.name());
        String staged = dialect.qualified(staging, root.name());
        String keyMatch = dialect.keyMatch(resource.primaryKey(), resource.mergeKey(), "d", "s");
        if (!resource.insertOnly()) {
            deleteStagedKeys(plan, resource, root, target, staged, keyMatch);
        }
        String columns = dialect.columnList(root);
        if (resource.primaryKey().isEmpty()) {
            execute("INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM " + staged);
        } else {
            StringJoiner partition = new StringJoiner(", ");
            for (String key : resource.primaryKey()) {
                partition.add(q(key));
            }
            // insert-only: a row whose key is already there stays as it is
            String onlyNewKeys = resource.insertOnly() ? " AND NOT EXISTS (SELECT 1 FROM " + target + " d WHERE "
                    + dialect.keyMatch(resource.primaryKey(), resource.mergeKey(), "d", "ranked") + ")" : "";
            execute("INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "
                    + partition + " ORDER BY " + (ordered ? q(STAGING_ORDER_COLUMN) : insertionOrder()) + " DESC) AS " + q("_dlt_dedup_rn") + " FROM " + staged
                    + ") ranked WHERE " + q("_dlt_dedup_rn") + " = 1" + onlyNewKeys);
        }
        for (TableLoad table : resource.tables()) {
            Table child = table.table();
            if (child.isRoot() || child.columns().isEmpty() || table.stagedFile() == null) {
                continue;
            }
            String childColumns = dialect.columnList(child);
            execute("INSERT INTO " + dialect.qualified(dataset, child.name()) + " (" + childColumns + ") SELECT " + childColumns
                    + " FROM " + dialect.qualified(staging, child.name()) + " WHERE " + q("_dlt_root_id") + " IN (SELECT "
                    + q("_dlt_id") + " FROM " + target + " WHERE " + q("_dlt_load_id") + " = " + dialect.stringLiteral(plan.loadId()) + ")");
        }
    }

    /** Deletes the rows whose key is staged, child rows (through {@code _dlt_root_id}) first. */
    private void deleteStagedKeys(LoadPlan plan, ResourceLoad resource, Table root, String target, String staged, String keyMatch)
            throws SQLException {
        String dataset = plan.dataset();
        for (Table child : plan.schema().tableChain(root.name())) {
            if (child == root || existingColumns(dataset, child.name()).isEmpty()) {
                continue;
            }
            execute("DELETE FROM " + dialect.qualified(dataset, child.name()) + " WHERE " + q("_dlt_root_id") + " IN (SELECT d."
                    + q("_dlt_id") + " FROM " + target + " d WHERE EXISTS (SELECT 1 FROM " + staged + " s WHERE " + keyMatch + "))");
        }
        if (aliasesDeleteTarget()) {
            execute("DELETE FROM " + target + " d WHERE EXISTS (SELECT 1 FROM " + staged + " s WHERE " + keyMatch + ")");
        } else {
            execute("DELETE FROM " + target + " WHERE EXISTS (SELECT 1 FROM " + staged + " s WHERE "
                    + dialect.keyMatch(resource.primaryKey(), resource.mergeKey(), target, "s") + ")");
        }
    }

    /**
     * Whether {@code DELETE FROM <table> <alias>} is valid SQL here; when not (Redshift), the merge's root
     * DELETE names the target by its qualified name instead of an alias.
     */
    protected boolean aliasesDeleteTarget() {
        return true;
    }

    protected String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    protected void execute(String sql) throws SQLException {
        checkCanceled();
        try (Statement statement = connection.createStatement()) {
            running = statement;
            checkCanceled(); // a cancel between the first check and here found no statement to stop
            statement.execute(sql);
        } catch (SQLException e) {
            if (canceled) {
                throw DltSqlState.QUERY_CANCELED.exception("the load was cancelled while running: " + abbreviate(sql), e);
            }
            throw new SQLException(e.getMessage() + " [while running: " + abbreviate(sql) + "]", sqlState(e), e.getErrorCode(), e);
        } finally {
            running = null;
        }
    }

    /** The destination's SQLState; drivers that give none (DuckDB) override this to classify their errors. */
    protected String sqlState(SQLException e) {
        return e.getSQLState() != null ? e.getSQLState() : DltSqlState.INTERNAL_ERROR.getState();
    }

    /** Whether a failure is another transaction's concurrent write (the statement can simply be re-run). */
    protected boolean isConcurrentWriteConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    protected static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static String abbreviate(String sql) {
        return sql.length() > 300 ? sql.substring(0, 300) + "..." : sql;
    }

    protected static SQLException loadFailure(String message, Throwable cause) {
        return DltSqlState.DATA_EXCEPTION.exception(message, cause);
    }
}
