package io.dltjdbc.pipeline;

import io.dltjdbc.driver.CommandRunner;
import io.dltjdbc.driver.DltConnection;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.DltStatement;
import io.dltjdbc.sql.DltCommand;
import io.dltjdbc.sql.DltCommandParser;
import io.dltjdbc.sql.StatementClassifier;
import io.dltjdbc.LoadProgress;
import io.dltjdbc.driver.InMemoryResultSet;
import io.dltjdbc.driver.InMemoryResultSet.Column;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Runs dlt commands for one connection: LOAD PIPELINE through the pipeline, the rest through {@link PipelineCatalog}. */
public final class PipelineCommands implements CommandRunner {

    @Override
    public boolean handles(String sql) {
        return sql != null && StatementClassifier.classify(sql).isDltCommand();
    }

    @Override
    public int parameterCount(String sql) throws SQLException {
        return DltCommandParser.parse(sql).parameterCount();
    }

    @Override
    public CommandResult run(DltStatement statement, String sql, List<Object> parameters) throws SQLException {
        DltCommand command = DltCommandParser.parse(sql);
        if (command.parameterCount() > 0 || !parameters.isEmpty()) {
            command = command.bind(parameters);
        }
        DltConnection connection = statement.dltConnection();
        if (command instanceof DltCommand.LoadPipeline load) {
            LoadPipelineRunner.Outcome outcome = new LoadPipelineRunner(connection).run(load, statement);
            return new CommandResult(outcome.summary(), outcome.rows(), outcome.warnings());
        }
        PipelineCatalog catalog = new PipelineCatalog(connection);
        if (command instanceof DltCommand.ShowPipelines) {
            return new CommandResult(catalog.showPipelines(), 0, List.of());
        }
        if (command instanceof DltCommand.ShowLoads loads) {
            if (loads.running()) {
                return new CommandResult(showLoadsRunning(loads.pipeline()), 0, List.of());
            }
            return new CommandResult(catalog.showLoads(loads.pipeline()), 0, List.of());
        }
        if (command instanceof DltCommand.ShowPipeline pipeline) {
            return new CommandResult(catalog.showPipeline(pipeline.pipeline()), 0, List.of());
        }
        if (command instanceof DltCommand.ShowRejected rejected) {
            return new CommandResult(catalog.showRejected(rejected.loadId()), 0, List.of());
        }
        if (command instanceof DltCommand.DropPipeline drop) {
            return new CommandResult(null, catalog.dropPipeline(drop.pipeline(), drop.withTables()), List.of());
        }
        throw DltSqlState.FEATURE_NOT_SUPPORTED.exception("this dlt command is not available yet: " + command.getClass().getSimpleName());
    }

    static final List<Column> RUNNING_COLUMNS = List.of(Column.text("load_id"), Column.text("pipeline_name"),
            Column.text("dataset_name"), Column.text("table_name"), Column.bigint("rows"),
            new Column("rows_per_second", Types.DOUBLE, "DOUBLE"), Column.bigint("bytes_read"),
            new Column("elapsed_seconds", Types.DOUBLE, "DOUBLE"), Column.text("stage"));

    /** {@code SHOW LOADS RUNNING [FOR pipeline]}: every load running in this JVM, from any connection. */
    static InMemoryResultSet showLoadsRunning(String pipeline) {
        List<Object[]> rows = new ArrayList<>();
        for (LoadProgress load : RunningLoad.running()) {
            if (pipeline != null && !pipeline.equals(load.pipelineName())) {
                continue;
            }
            rows.add(new Object[] {load.loadId(), load.pipelineName(), load.datasetName(), load.tableName(), load.rows(),
                    Math.round(load.rowsPerSecond() * 10) / 10.0, load.bytesRead(), Math.round(load.elapsedSeconds() * 10) / 10.0,
                    load.stage().dltName()});
        }
        return new InMemoryResultSet(RUNNING_COLUMNS, rows);
    }
}
