package io.dltjdbc.driver;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a caller set on a statement, kept so that a fresh vendor statement can take it over (DltStatement
 * replaces the one DuckDB closes when a query fails). Null means "never set: the vendor's default".
 */
final class StatementSettings {
    Integer queryTimeout;
    Integer fetchSize;
    Integer fetchDirection;
    Integer maxFieldSize;
    Long maxRows;
    Boolean escapeProcessing;
    Boolean poolable;
    String cursorName;

    void applyTo(Statement statement) throws SQLException {
        if (queryTimeout != null) {
            statement.setQueryTimeout(queryTimeout);
        }
        if (fetchSize != null) {
            statement.setFetchSize(fetchSize);
        }
        if (fetchDirection != null) {
            statement.setFetchDirection(fetchDirection);
        }
        if (maxFieldSize != null) {
            statement.setMaxFieldSize(maxFieldSize);
        }
        if (maxRows != null) {
            statement.setMaxRows((int) Math.min(Integer.MAX_VALUE, maxRows));
        }
        if (escapeProcessing != null) {
            statement.setEscapeProcessing(escapeProcessing);
        }
        if (poolable != null) {
            statement.setPoolable(poolable);
        }
        if (cursorName != null) {
            statement.setCursorName(cursorName);
        }
    }
}
