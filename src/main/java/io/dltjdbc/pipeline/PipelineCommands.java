package io.dltjdbc.pipeline;

import io.dltjdbc.driver.CommandRunner;
import io.dltjdbc.driver.DltStatement;
import java.sql.SQLException;
import java.util.List;

/** Runs dlt commands on one connection. */
public final class PipelineCommands implements CommandRunner {

    @Override
    public boolean handles(String sql) {
        return false;
    }

    @Override
    public int parameterCount(String sql) {
        return 0;
    }

    @Override
    public CommandResult run(DltStatement statement, String sql, List<Object> parameters) throws SQLException {
        throw new SQLException("not a dlt command");
    }
}
