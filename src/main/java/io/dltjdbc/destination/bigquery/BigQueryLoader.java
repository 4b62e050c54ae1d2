package io.dltjdbc.destination.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.dltjdbc.destination.LoadPlan;
import io.dltjdbc.destination.Loader;
import io.dltjdbc.destination.ResourceLoad;
import io.dltjdbc.destination.SqlLoader;
import io.dltjdbc.destination.TableLoad;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.Table;
import io.dltjdbc.schema.WriteDisposition;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Loads a plan with BigQuery load jobs (newline-delimited JSON, one job per table, never {@code insertAll}):
 * tables are created or get new NULLABLE fields first; append is {@code WRITE_APPEND}; replace is
 * {@code WRITE_TRUNCATE} (each table swapped atomically by its job); merge loads into
 * {@code <dataset>_staging} and runs dlt's delete-insert as one multi-statement transaction. The schema, the
 * state and, last, the {@code _dlt_loads} row are written after every table's job succeeded, so a load
 * without its {@code _dlt_loads} row is one that did not complete (dlt's rule).
 *
 * <p>Column hints {@code partition} and {@code cluster} become the partitioning and clustering of a table when it
 * is created ({@link BigQueryTableHints}); adding fields later keeps them. Clustering hinted later is set on the
 * existing table; partitioning can't be (BigQuery's rule), which the load reports as a warning.
 */
final class BigQueryLoader implements Loader {
    static final String STAGING_SEQUENCE = "_dlt_staging_seq";

    private final BigQueryDestination destination;
    private final BigQueryJdbcConnection connection;
    private final BigQuery bigquery;
    private final String project;
    private volatile boolean canceled;
    private volatile JobId runningJob;
    private final Map<String, BigQueryTableHints> hints = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    BigQueryLoader(BigQueryDestination destination, BigQueryJdbcConnection connection) {
        this.destination = destination;
        this.connection = connection;
        this.bigquery = connection.bigquery();
        this.project = connection.project();
    }

    /**
     * Stops the load at its next step (each load job, the replace or merge script, the system rows), and asks
     * BigQuery to cancel the job that is running. What a started job already wrote goes to a staging table
     * (replace, merge) or is a row of a load without its {@code _dlt_loads} row (append: dlt's rule).
     */
    @Override
    public void cancel() {
        canceled = true;
        JobId job = runningJob;
        if (job != null) {
            try {
                bigquery.cancel(job);
            } catch (BigQueryException ignored) {
                // the flag stops the load after this job
            }
        }
    }

    private void checkCanceled() throws SQLException {
        if (canceled) {
            throw DltSqlState.QUERY_CANCELED.exception("the load was cancelled");
        }
    }

    @Override
    public void load(LoadPlan plan) throws SQLException {
        String dataset = plan.dataset();
        for (ResourceLoad resource : plan.resources()) {
            for (TableLoad table : resource.tables()) {
                // every table's hints are checked before the first table or row is written
                hints.put(table.table().name(), BigQueryTableHints.of(table.table()));
            }
        }
        destination.ensureDataset(dataset);
        BigQuerySystemTables system = new BigQuerySystemTables(connection);
        system.create(dataset);
        Schema schema = plan.schema();
        for (ResourceLoad resource : plan.resources()) {
            for (TableLoad table : resource.tables()) {
                syncTable(dataset, table.table(), false);
            }
            checkCanceled();
            if (resource.disposition() == WriteDisposition.REPLACE) {
                replace(plan, resource);
            } else if (resource.mergesByKey()) {
                merge(plan, resource);
            } else {
                for (TableLoad table : resource.tables()) {
                    if (table.stagedFile() != null && !table.table().columns().isEmpty()) {
                        loadFile(TableId.of(project, dataset, table.table().name()), table.stagedFile(),
                                JobInfo.WriteDisposition.WRITE_APPEND, false);
                    }
                }
            }
        }
        checkCanceled();
        if (plan.storeSchema()) {
            schema = system.schemaToStore(dataset, schema);
            system.insertVersion(dataset, schema.version(), schema.name(), schema.versionHash(), schema.toJson(), plan.startedAt());
        }
        if (plan.state() != null) {
            system.insertState(dataset, plan.stateVersion(), plan.pipelineName(), plan.state(), plan.stateHash(), plan.loadId(),
                    stateRowId(), plan.startedAt());
        }
        system.insertLoad(dataset, plan.loadId(), schema.name(), 0, schema.versionHash(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    @Override
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    private static String stateRowId() {
        byte[] bytes = new byte[10];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Creates the table (a dataset table with its hinted partitioning and clustering; a merge's staging copy with
     * neither, it is scratch), or adds the fields it lacks as NULLABLE (rows already loaded have no value for
     * them) and sets a newly hinted clustering, keeping everything else of the table's definition.
     */
    private void syncTable(String dataset, Table table, boolean staging) throws SQLException {
        List<Column> columns = table.columns();
        if (columns.isEmpty()) {
            return;
        }
        TableId id = TableId.of(project, dataset, table.name());
        try {
            com.google.cloud.bigquery.Table existing = staging ? null : bigquery.getTable(id);
            if (existing == null) {
                List<Field> fields = new ArrayList<>();
                for (Column column : columns) {
                    fields.add(BigQueryTypeMapper.field(column, !column.nullable() && !staging));
                }
                if (staging && table.isRoot()) {
                    fields.add(Field.newBuilder(STAGING_SEQUENCE, StandardSQLTypeName.INT64).setMode(Field.Mode.NULLABLE).build());
                }
                if (staging) {
                    bigquery.delete(id);
                }
                StandardTableDefinition.Builder definition = StandardTableDefinition.newBuilder()
                        .setSchema(com.google.cloud.bigquery.Schema.of(fields));
                if (!staging) {
                    hintsOf(table).applyTo(definition);
                }
                bigquery.create(TableInfo.of(id, definition.build()));
                return;
            }
            if (!(existing.getDefinition() instanceof StandardTableDefinition definition)) {
                throw DltSqlState.INVALID_PARAMETER_VALUE.exception("BigQuery: " + dataset + "." + table.name() + " is a "
                        + existing.getDefinition().getType() + ", not a table: rows can't be loaded into it");
            }
            com.google.cloud.bigquery.Schema current = definition.getSchema();
            List<Field> fields = new ArrayList<>(current == null ? List.of() : current.getFields());
            Set<String> names = new HashSet<>();
            for (Field field : fields) {
                names.add(field.getName().toLowerCase(Locale.ROOT));
            }
            boolean added = false;
            for (Column column : columns) {
                if (names.add(column.name().toLowerCase(Locale.ROOT))) {
                    fields.add(BigQueryTypeMapper.field(column, false));
                    added = true;
                }
            }
            BigQueryTableHints hinted = hintsOf(table);
            String notPartitioned = hinted.partitionNotApplied(definition);
            if (notPartitioned != null) {
                warnings.add("BigQuery: table " + dataset + "." + table.name() + ": " + notPartitioned);
            }
            boolean recluster = hinted.clusteringDiffers(definition);
            if (added || recluster) {
                // the table's own definition, not a fresh one: its partitioning and clustering stay as they are
                StandardTableDefinition.Builder updated = definition.toBuilder().setSchema(com.google.cloud.bigquery.Schema.of(fields));
                if (recluster) {
                    updated.setClustering(hinted.clustering());
                }
                bigquery.update(existing.toBuilder().setDefinition(updated.build()).build());
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("cannot create or extend table " + dataset + "." + table.name(), e);
        }
    }

    private BigQueryTableHints hintsOf(Table table) throws SQLException {
        BigQueryTableHints known = hints.get(table.name());
        return known != null ? known : BigQueryTableHints.of(table);
    }

    private boolean exists(String dataset, String table) throws SQLException {
        try {
            return bigquery.getTable(TableId.of(project, dataset, table)) != null;
        } catch (BigQueryException e) {
            throw BigQueryErrors.of("cannot look up table " + dataset + "." + table, e);
        }
    }

    /**
     * Replace, all tables of the resource at once: the new rows are loaded into {@code <dataset>_staging} first,
     * then one transaction empties every table of the resource and copies the staged rows in (dlt's
     * insert-from-staging). A failed or cancelled load job therefore leaves every table as it was, and no reader
     * sees a new root table next to old child tables. The tables keep their definitions (partitioning, clustering).
     */
    private void replace(LoadPlan plan, ResourceLoad resource) throws SQLException {
        String dataset = plan.dataset();
        String staging = dataset + SqlLoader.STAGING_SUFFIX;
        destination.ensureDataset(staging);
        List<Table> staged = new ArrayList<>();
        for (TableLoad table : resource.tables()) {
            if (table.stagedFile() != null && !table.table().columns().isEmpty()) {
                syncTable(staging, table.table(), true);
                loadFile(TableId.of(project, staging, table.table().name()), table.stagedFile(),
                        JobInfo.WriteDisposition.WRITE_TRUNCATE, false);
                staged.add(table.table());
            }
        }
        checkCanceled();
        StringBuilder script = new StringBuilder("BEGIN TRANSACTION;\n");
        for (Table table : plan.schema().tableChain(resource.rootTable())) {
            if (exists(dataset, table.name())) {
                script.append("DELETE FROM ").append(q(dataset, table.name())).append(" WHERE TRUE;\n");
            }
        }
        for (Table table : staged) {
            String columns = BigQueryDialect.INSTANCE.columnList(table);
            script.append("INSERT INTO ").append(q(dataset, table.name())).append(" (").append(columns).append(") SELECT ")
                    .append(columns).append(" FROM ").append(q(staging, table.name())).append(";\n");
        }
        script.append("COMMIT TRANSACTION;");
        query(script.toString());
    }

    /**
     * dlt's delete-insert merge: the new rows are loaded into {@code <dataset>_staging} (the root with its line
     * number, so that the last duplicate wins); then one transaction deletes the rows whose key is staged (child
     * rows through {@code _dlt_root_id}) and inserts the deduplicated new rows and their children.
     */
    private void merge(LoadPlan plan, ResourceLoad resource) throws SQLException {
        String dataset = plan.dataset();
        String staging = dataset + SqlLoader.STAGING_SUFFIX;
        destination.ensureDataset(staging);
        for (TableLoad table : resource.tables()) {
            if (table.table().columns().isEmpty()) {
                continue;
            }
            syncTable(staging, table.table(), true);
            if (table.stagedFile() != null) {
                loadFile(TableId.of(project, staging, table.table().name()), table.stagedFile(), JobInfo.WriteDisposition.WRITE_TRUNCATE,
                        table.table().isRoot());
            }
        }
        Table root = plan.schema().table(resource.rootTable());
        String target = q(dataset, root.name());
        String staged = q(staging, root.name());
        String keyMatch = BigQueryDialect.INSTANCE.keyMatch(resource.primaryKey(), resource.mergeKey(), "d", "s");
        StringBuilder script = new StringBuilder("BEGIN TRANSACTION;\n");
        for (Table child : plan.schema().tableChain(root.name())) {
            if (child == root || resource.insertOnly() || !exists(dataset, child.name())) {
                continue;
            }
            script.append("DELETE FROM ").append(q(dataset, child.name())).append(" WHERE ").append(q("_dlt_root_id"))
                    .append(" IN (SELECT d.").append(q("_dlt_id")).append(" FROM ").append(target).append(" AS d WHERE EXISTS (SELECT 1 FROM ")
                    .append(staged).append(" AS s WHERE ").append(keyMatch).append("));\n");
        }
        if (!resource.insertOnly()) {
            script.append("DELETE FROM ").append(target).append(" AS d WHERE EXISTS (SELECT 1 FROM ").append(staged).append(" AS s WHERE ")
                    .append(keyMatch).append(");\n");
        }
        String columns = BigQueryDialect.INSTANCE.columnList(root);
        if (resource.primaryKey().isEmpty()) {
            script.append("INSERT INTO ").append(target).append(" (").append(columns).append(") SELECT ").append(columns)
                    .append(" FROM ").append(staged).append(";\n");
        } else {
            StringJoiner partition = new StringJoiner(", ");
            for (String key : resource.primaryKey()) {
                partition.add(q(key));
            }
            script.append("INSERT INTO ").append(target).append(" (").append(columns).append(") SELECT ").append(columns)
                    .append(" FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY ").append(partition).append(" ORDER BY ")
                    .append(q(STAGING_SEQUENCE)).append(" DESC) AS ").append(q("_dlt_dedup_rn")).append(" FROM ").append(staged)
                    .append(") AS ranked WHERE ").append(q("_dlt_dedup_rn")).append(" = 1");
            if (resource.insertOnly()) { // a row whose key is already there stays as it is
                script.append(" AND NOT EXISTS (SELECT 1 FROM ").append(target).append(" AS d WHERE ")
                        .append(BigQueryDialect.INSTANCE.keyMatch(resource.primaryKey(), resource.mergeKey(), "d", "ranked")).append(")");
            }
            script.append(";\n");
        }
        for (TableLoad table : resource.tables()) {
            Table child = table.table();
            if (child.isRoot() || child.columns().isEmpty() || table.stagedFile() == null) {
                continue;
            }
            String childColumns = BigQueryDialect.INSTANCE.columnList(child);
            script.append("INSERT INTO ").append(q(dataset, child.name())).append(" (").append(childColumns).append(") SELECT ")
                    .append(childColumns).append(" FROM ").append(q(staging, child.name())).append(" WHERE ").append(q("_dlt_root_id"))
                    .append(" IN (SELECT ").append(q("_dlt_id")).append(" FROM ").append(target).append(" WHERE ")
                    .append(q("_dlt_load_id")).append(" = ").append(BigQueryDialect.INSTANCE.stringLiteral(plan.loadId())).append(");\n");
        }
        script.append("COMMIT TRANSACTION;");
        checkCanceled();
        query(script.toString());
    }

    private static String q(String identifier) {
        return BigQueryDialect.INSTANCE.quoteIdentifier(identifier);
    }

    private static String q(String dataset, String table) {
        return BigQueryDialect.INSTANCE.qualified(dataset, table);
    }

    private void query(String sql) throws SQLException {
        try {
            connection.execute(sql, List.of(), 0, 0, null);
        } catch (SQLException e) {
            String shown = sql.length() > 300 ? sql.substring(0, 300) + "..." : sql;
            throw new SQLException(e.getMessage() + " [while running: " + shown + "]", e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /**
     * One load job from a staged file. With {@code numbered}, each row gets its line number in
     * {@value #STAGING_SEQUENCE} (the staging root of a merge). A failed job leaves the table as it was.
     */
    private void loadFile(TableId table, Path file, JobInfo.WriteDisposition disposition, boolean numbered) throws SQLException {
        checkCanceled();
        WriteChannelConfiguration config = WriteChannelConfiguration.newBuilder(table)
                .setFormatOptions(FormatOptions.json())
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                .setWriteDisposition(disposition)
                .setMaxBadRecords(0)
                .build();
        JobId jobId = JobId.newBuilder().setProject(project).setLocation(connection.location())
                .setJob("dltjdbc_load_" + UUID.randomUUID()).build();
        runningJob = jobId;
        String what = "load job for table " + table.getDataset() + "." + table.getTable() + " (file " + file.getFileName() + ")";
        Job job;
        try {
            TableDataWriteChannel writer = bigquery.writer(jobId, config);
            try (OutputStream out = Channels.newOutputStream(writer)) {
                if (numbered) {
                    copyNumbered(file, out);
                } else {
                    Files.copy(file, out);
                }
            }
            job = writer.getJob();
            if (job == null) {
                job = bigquery.getJob(jobId);
            }
            job = job == null ? null : job.waitFor();
        } catch (BigQueryException e) {
            throw BigQueryErrors.of(what + " failed", e);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("BigQuery: cannot upload the " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DltSqlState.QUERY_CANCELED.exception("interrupted while waiting for the BigQuery " + what, e);
        }
        runningJob = null;
        checkCanceled();
        if (job == null) {
            throw DltSqlState.INTERNAL_ERROR.exception("BigQuery: the " + what + " was not found after upload");
        }
        if (job.getStatus() != null && job.getStatus().getError() != null) {
            throw BigQueryErrors.of(what + " failed", job.getStatus().getError(), job.getStatus().getExecutionErrors());
        }
    }

    private static void copyNumbered(Path file, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("{")) {
                    continue;
                }
                writer.write("{\"" + STAGING_SEQUENCE + "\":" + (number++) + (line.startsWith("{}") ? "" : ","));
                writer.write(line, 1, line.length() - 1);
                writer.write('\n');
            }
        }
        writer.flush();
    }
}
