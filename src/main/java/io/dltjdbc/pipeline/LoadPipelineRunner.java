package io.dltjdbc.pipeline;

import io.dltjdbc.LoadProgress;
import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.LoadPlan;
import io.dltjdbc.destination.Loader;
import io.dltjdbc.destination.ResourceLoad;
import io.dltjdbc.destination.SystemTables;
import io.dltjdbc.destination.TableLoad;
import io.dltjdbc.driver.DltConnection;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.DltStatement;
import io.dltjdbc.driver.InMemoryResultSet;
import io.dltjdbc.pipeline.source.ItemOrigin;
import io.dltjdbc.pipeline.source.MalformedItemException;
import io.dltjdbc.pipeline.source.RowReader;
import io.dltjdbc.schema.MissingPrimaryKeyException;
import io.dltjdbc.schema.MergeStrategy;
import io.dltjdbc.schema.NamingConvention;
import io.dltjdbc.schema.Normalizer;
import io.dltjdbc.schema.NormalizerOptions;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.SchemaContractException;
import io.dltjdbc.schema.Table;
import io.dltjdbc.sql.DltCommand.LoadPipeline;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@code LOAD PIPELINE}: extract every source item by item, normalize into a load package
 * on disk, then hand the package to the destination's loader, which makes it visible in one
 * transaction. Nothing is written to the destination before the whole input was read and normalized,
 * so a bad line 5,001 leaves the dataset exactly as it was.
 */
final class LoadPipelineRunner {
    private final DltConnection connection;
    private final Destination destination;
    private final NamingConvention naming;
    private final Sources sources;

    LoadPipelineRunner(DltConnection connection) {
        this.connection = connection;
        this.destination = connection.destination();
        this.naming = new NamingConvention(destination.maxIdentifierLength());
        this.sources = new Sources(connection);
    }

    /** The outcome: the summary rows and warnings for the statement. */
    record Outcome(InMemoryResultSet summary, long rows, List<String> warnings) {
    }

    /**
     * Runs the load; {@code Statement.cancel()} on {@code statement} or its query timeout stop it with
     * 57014 during extract, normalize and the destination load, and nothing of it is written.
     */
    Outcome run(LoadPipeline command, DltStatement statement) throws SQLException {
        RunningLoad running = new RunningLoad(command.pipelineName(), connection.loadListeners());
        statement.onCancel(running::cancelByUser);
        SQLException failure = null;
        try {
            running.timeoutAfter(statement.getQueryTimeout());
            return run(command, running);
        } catch (SQLException | RuntimeException e) {
            failure = running.canceled() ? running.canceledBecause(e)
                    : e instanceof SQLException sql ? sql : DltSqlState.INTERNAL_ERROR.exception(String.valueOf(e.getMessage()), e);
            if (running.canceled()) {
                throw failure;
            }
            throw e;
        } finally {
            statement.onCancel(null);
            running.finish(failure);
        }
    }

    private Outcome run(LoadPipeline command, RunningLoad running) throws SQLException {
        LoadOptions options = LoadOptions.from(command.options());
        refuseTwoNames("dataset", command.intoDataset(), "dataset_name", options.datasetName());
        refuseTwoNames("table", command.intoTable(), "table_name", options.tableName());
        String pipelineName = command.pipelineName();
        SystemTables system = destination.systemTables();
        String dataset = dataset(command, options, system);
        String schemaName = naming.normalizeIdentifier(pipelineName);
        Optional<String> storedSchema = system.latestSchema(dataset, schemaName);
        Schema schema = storedSchema.isPresent() ? Schema.fromJson(storedSchema.get()) : new Schema(schemaName);
        Schema before = schema.copy();
        boolean dryRun = command.explain() || options.dryRun();
        Optional<SystemTables.StoredState> storedState = system.latestState(dataset, pipelineName);
        PipelineState state = storedState.isPresent()
                ? PipelineState.decode(storedState.get().state(), storedState.get().version())
                : PipelineState.empty(pipelineName);
        state.put("dataset_name", dataset);
        state.put("destination_name", destination.name());
        state.put("default_schema_name", schemaName);
        String loadId = newLoadId();
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (!dryRun) {
            running.begin(loadId, dataset);
        }

        List<Extract> extracts = sources.extracts(command, options, state);
        List<String> warnings = new ArrayList<>();
        boolean schemaChanged = storedSchema.isEmpty();
        List<ResourceLoad> resources = new ArrayList<>();
        LoadSummary summary = new LoadSummary(loadId, pipelineName, dataset);
        try (StagedRows staged = StagedRows.createTemporary(schema, loadId)) {
            RejectedRows rejected = options.skipRows() ? new RejectedRows(loadId, staged, options.maxErrors()) : null;
            Map<String, NormalizerOptions> rootOptions = new LinkedHashMap<>();
            for (Extract extract : extracts) {
                NormalizerOptions normalizerOptions = options.normalizerOptions(extract.writeDisposition(), extract.columnHints());
                LoadOptions.checkKeyedMerge(normalizerOptions, extract.table());
                Normalizer normalizer = new Normalizer(schema, extract.table(), normalizerOptions, naming, loadId);
                IncrementalCursor cursor = options.incremental() == null ? null
                        : new IncrementalCursor(options.incremental(), options.initialValue(),
                                state.resourceState(extract.stateSource(), normalizer.rootTable()));
                normalizeAll(extract, normalizer, cursor, staged, running, rejected);
                if (cursor != null) {
                    cursor.remember();
                }
                schemaChanged |= normalizer.schemaChanged();
                warnings.addAll(normalizer.warnings());
                rootOptions.putIfAbsent(normalizer.rootTable(), normalizerOptions);
            }
            running.stage(LoadProgress.Stage.NORMALIZE, String.join(", ", rootOptions.keySet()));
            staged.finish();
            for (Map.Entry<String, NormalizerOptions> root : rootOptions.entrySet()) {
                NormalizerOptions rootOption = root.getValue();
                List<TableLoad> tables = new ArrayList<>();
                for (Table table : tree(schema, root.getKey())) {
                    long rows = staged.rows(table.name());
                    tables.add(new TableLoad(table, staged.file(table.name()), rows));
                    summary.table(table.name(), table.isRoot(), rows, rejected == null ? 0 : rejected.count(table.name()),
                            rootOption.writeDisposition().dltName());
                }

                resources.add(new ResourceLoad(root.getKey(), rootOption.writeDisposition(), normalized(rootOption.primaryKey()),
                        normalized(rootOption.mergeKey()), tables, rootOption.writeDisposition().isMerge()
                                && rootOption.mergeStrategy() == MergeStrategy.INSERT_ONLY));
            }
            if (rejected != null) {
                summary.rejectedOnly(rejected);
                ResourceLoad rejectedRows = rejected.resource();
                if (rejectedRows != null) {
                    resources.add(rejectedRows);
                }
            }
            boolean storeState = storedState.isEmpty() || state.changed();
            long stateVersion = storeState ? state.nextVersion() : state.version();
            LoadPlan plan = new LoadPlan(loadId, pipelineName, dataset, schema, schemaChanged, resources,
                    storeState ? state.encode() : null, stateVersion, state.hash(), startedAt);
            if (dryRun) {
                List<Table> touched = new ArrayList<>();
                for (ResourceLoad resource : resources) {
                    for (TableLoad table : resource.tables()) {
                        touched.add(table.table());
                    }
                }
                return new Outcome(DryRunPlan.of(dataset, before, touched, staged, rejected), 0, warnings);
            }
            running.check();
            running.stage(LoadProgress.Stage.LOAD, String.join(", ", rootOptions.keySet()));
            Loader loader = destination.loader();
            Runnable stopLoader = loader::cancel;
            running.onCancel(stopLoader);
            try {
                loader.load(plan);
                warnings.addAll(loader.warnings());
            } finally {
                running.removeOnCancel(stopLoader);
            }
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot stage the load in the temporary directory: " + e.getMessage(), e);
        }
        return new Outcome(summary.resultSet(), summary.totalRows(), warnings);
    }

    /**
     * Normalizes every item of one extract into the load package. Under {@code on_error = 'skip_row'}
     * ({@code rejected} not null) each item is normalized all or nothing and one that fails is recorded as
     * rejected instead of failing the load; otherwise the first bad item fails it.
     */
    private void normalizeAll(Extract extract, Normalizer normalizer, IncrementalCursor cursor, StagedRows staged,
            RunningLoad running, RejectedRows rejected) throws SQLException {
        running.extracting(normalizer.rootTable());
        try (RowReader reader = new PrefetchingRowReader(extract.rows(), extract.table(), running)) {
            while (true) {
                Object item;
                try {
                    item = reader.next();
                } catch (MalformedItemException e) {
                    if (rejected == null) {
                        throw e;
                    }
                    rejected.reject(normalizer.rootTable(), e.origin(), e.getMessage(), e.rawText());
                    continue;
                }
                if (item == null) {
                    return;
                }
                running.check();
                running.item(reader.bytesRead());
                if (rejected == null) {
                    if (cursor == null || cursor.accept(item, reader.position())) {
                        normalizeOne(item, normalizer, staged, reader.position());
                    }
                } else {
                    normalizeOrReject(item, normalizer, cursor, staged, reader.origin(), rejected);
                }
            }
        }
    }

    private static void normalizeOne(Object item, Normalizer normalizer, StagedRows staged, String position) throws SQLException {
        try {
            normalizer.normalize(item, staged);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot stage rows: " + e.getMessage(), e);
        } catch (Exception e) {
            throw itemError(e, position);
        }
    }

    private static void normalizeOrReject(Object item, Normalizer normalizer, IncrementalCursor cursor, StagedRows staged,
            ItemOrigin origin, RejectedRows rejected) throws SQLException {
        try {
            IncrementalCursor.Check check = cursor == null ? null : cursor.check(item, origin.toString());
            if (check != null && !check.isNew()) {
                return;
            }
            Normalizer.Discard discard = normalizer.normalizeAtomically(item, staged);
            if (check != null) {
                check.advance(); // a rejected item must not move the cursor past itself
            }
            if (discard != null) {
                rejected.discarded(discard.table(), origin, discard.reason(), Normalizer.asJson(item));
            }
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot stage rows: " + e.getMessage(), e);
        } catch (Exception e) {
            String table = e instanceof SchemaContractException contract && contract.table() != null
                    ? contract.table() : normalizer.rootTable();
            rejected.reject(table, origin, itemError(e, origin.toString()).getMessage(), Normalizer.asJson(item));
        }
    }

    /** The SQLException an item that cannot be normalized fails the load with. */
    private static SQLException itemError(Exception e, String position) {
        if (e instanceof MissingPrimaryKeyException) {
            return DltSqlState.NOT_NULL_VIOLATION.exception(e.getMessage() + " (" + position + ")", e);
        }
        if (e instanceof SchemaContractException) {
            return DltSqlState.SCHEMA_CONTRACT_VIOLATION.exception(e.getMessage() + " (" + position + ")", e);
        }
        if (e instanceof SQLException sql) {
            return sql;
        }
        return DltSqlState.DATA_EXCEPTION.exception("cannot normalize " + position + ": " + e.getMessage(), e);
    }

    /** INTO and the option naming different datasets (or tables) is a mistake: which one was meant is a guess. */
    private void refuseTwoNames(String what, String into, String option, String optionValue) throws SQLException {
        if (into != null && optionValue != null && !naming.normalizeIdentifier(into).equals(naming.normalizeIdentifier(optionValue))) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("INTO names " + what + " '" + into + "' but " + option + " = '"
                    + optionValue + "'; give the " + what + " once");
        }
    }

    private List<String> normalized(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.add(naming.normalizePath(key));
        }
        return out;
    }

    /** The root table and all its descendants that have columns, parents first. */
    private static List<Table> tree(Schema schema, String root) {
        List<Table> out = new ArrayList<>();
        for (Table table : schema.tableChain(root)) {
            if (!table.columns().isEmpty()) {
                out.add(table);
            }
        }
        return out;
    }

    /**
     * INTO dataset, else the dataset_name option, else the connection's dataset, else the dataset an
     * earlier load of this pipeline used, else dlt's default {@code <pipeline_name>_dataset}. A
     * {@code full_refresh=true} connection (like dlt's dev_mode) starts fresh: no earlier dataset is reused, and
     * the connection's one suffix goes on every dataset its loads pick, except the connection's own dataset,
     * which has it already (so {@code INTO ds.t} on {@code ?dataset=ds&full_refresh=true} lands in that dataset).
     */
    private String dataset(LoadPipeline command, LoadOptions options, SystemTables system) throws SQLException {
        String connectionSuffix = connection.settings().fullRefreshSuffix();
        String dataset = command.intoDataset() != null ? command.intoDataset()
                : options.datasetName() != null ? options.datasetName()
                : connection.dataset();
        boolean connectionDataset = dataset != null && command.intoDataset() == null && options.datasetName() == null;
        if (dataset == null && connectionSuffix == null) {
            dataset = existingDataset(command.pipelineName(), system);
        }
        if (dataset == null) {
            dataset = command.pipelineName() + "_dataset";
        }
        dataset = naming.normalizeIdentifier(dataset);
        if (options.fullRefresh()) {
            dataset = dataset + "_" + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        } else if (connectionSuffix != null && !connectionDataset) {
            dataset = naming.normalizeIdentifier(dataset + connectionSuffix);
        }
        return dataset;
    }

    private static String existingDataset(String pipelineName, SystemTables system) throws SQLException {
        for (String dataset : system.datasetsWithPipelines()) {
            if (system.latestState(dataset, pipelineName).isPresent()) {
                return dataset;
            }
        }
        return null;
    }

    /** dlt's load id: the start time in seconds with microseconds, as text. */
    private static String newLoadId() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
    }
}
