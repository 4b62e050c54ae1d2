package io.dltjdbc.pipeline;

import io.dltjdbc.driver.CommandRunner;
import io.dltjdbc.driver.DltConnection;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.DltStatement;
import io.dltjdbc.sql.DltCommand;
import io.dltjdbc.sql.DltCommandParser;
import io.dltjdbc.sql.StatementClassifier;
import java.sql.SQLException;
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
                throw DltSqlState.FEATURE_NOT_SUPPORTED.exception("SHOW LOADS RUNNING is not available yet");
            }
            return new CommandResult(catalog.showLoads(loads.pipeline()), 0, List.of());
        }
        if (command instanceof DltCommand.ShowPipeline pipeline) {
            return new CommandResult(catalog.showPipeline(pipeline.pipeline()), 0, List.of());
        }
        if (command instanceof DltCommand.DropPipeline drop) {
            return new CommandResult(null, catalog.dropPipeline(drop.pipeline(), drop.withTables()), List.of());
        }
        throw DltSqlState.FEATURE_NOT_SUPPORTED.exception("this dlt command is not available yet: " + command.getClass().getSimpleName());
    }
}
