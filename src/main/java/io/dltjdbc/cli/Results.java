package io.dltjdbc.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs one statement and prints what it returns: each result set as a table, or the update count. */
final class Results {
    /** Guards against a driver that keeps reporting the same update count. */
    private static final int MAX_RESULTS = 1000;

    private Results() {
    }

    static void executeAndPrint(Statement statement, String sql, PrintStream out) throws SQLException {
        boolean isResultSet = statement.execute(sql);
        for (int results = 0; results < MAX_RESULTS; results++) {
            if (isResultSet) {
                try (ResultSet rs = statement.getResultSet()) {
                    TablePrinter.of(rs).print(out);
                }
            } else {
                int count = statement.getUpdateCount();
                if (count < 0) {
                    return;
                }
                out.println("OK" + (count > 0 ? ", " + count + (count == 1 ? " row" : " rows") : ""));
            }
            isResultSet = statement.getMoreResults();
            if (!isResultSet && statement.getUpdateCount() < 0) {
                return;
            }
        }
    }
}
