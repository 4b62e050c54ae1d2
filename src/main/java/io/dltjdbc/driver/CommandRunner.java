package io.dltjdbc.driver;

import java.sql.SQLException;
import java.util.List;

/**
 * Runs the statements the driver handles itself ({@code LOAD PIPELINE}, {@code SHOW PIPELINES} ...);
 * everything else goes to the destination. Implemented by the pipeline layer, so the driver package
 * knows nothing of extract, normalize and load.
 */
public interface CommandRunner {

    /** True when {@code sql} is a dlt command. Called on every statement: must be cheap. */
    boolean handles(String sql);

    /** How many {@code ?} markers the command has, for {@code PreparedStatement}. */
    int parameterCount(String sql) throws SQLException;

    CommandResult run(DltStatement statement, String sql, List<Object> parameters) throws SQLException;

    /** The outcome of one command: a result set (or null), an update count, warnings for the statement. */
    record CommandResult(InMemoryResultSet resultSet, long updateCount, List<String> warnings) {
    }
}
