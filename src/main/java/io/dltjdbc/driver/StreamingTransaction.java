package io.dltjdbc.driver;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * pgjdbc reads a result {@code fetchSize} rows at a time only inside a transaction; in auto-commit mode
 * it loads the whole result into the heap. For a statement with a fetch size on an auto-commit
 * connection, the dlt connection opens a transaction of its own for the query and ends it (commit,
 * auto-commit back on) when the result is read to its end or closed, or the statement runs again or
 * closes. One per statement.
 */
final class StreamingTransaction {
    private final DltConnection connection;
    private boolean held;

    StreamingTransaction(DltConnection connection) {
        this.connection = connection;
    }

    /** Before a query on {@code inner}: ends the previous stream, opens one if this query should stream. */
    void begin(Statement inner) throws SQLException {
        end();
        if (inner.getFetchSize() > 0 && inner.getResultSetType() == ResultSet.TYPE_FORWARD_ONLY && connection.beginStream()) {
            held = true;
        }
    }

    boolean held() {
        return held;
    }

    /** Ends this statement's stream, if it holds one. */
    void end() throws SQLException {
        if (held) {
            held = false;
            connection.endStream();
        }
    }

    /** After a failed query: the transaction is rolled back, auto-commit back on. */
    void abort() {
        if (held) {
            held = false;
            connection.abortStream();
        }
    }
}
