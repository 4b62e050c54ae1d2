package io.dltjdbc.driver.agreement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** Connection behaviours on DuckDB (a database file, so that a second connection sees what the first committed). */
class DuckDbConnectionBehaviourTest extends ConnectionBehaviourContract {
    @TempDir
    static Path directory;

    @Override
    Connection openDlt(String dataset) throws SQLException {
        return DriverManager.getConnection("jdbc:dlt:duckdb:" + directory.resolve("behaviour.duckdb") + "?dataset=" + dataset);
    }

    @Override
    String longQuery() {
        return "SELECT count(*) FROM range(100000000000) t(x) WHERE (x * 7) % 13 = 5";
    }

    @Override
    String rowsQuery(long n) {
        return "SELECT range + 1 AS x FROM range(" + n + ")";
    }

    @Override
    void prepareStreaming(Connection connection) {
        // DuckDB keeps results off the Java heap
    }

    @Override
    String generatedKeyTable() {
        return "CREATE TABLE gk (id INTEGER DEFAULT 1, v VARCHAR)";
    }

    @Override
    boolean returnsGeneratedKeys() {
        return false;
    }

    @Override
    String secret() {
        return "password";
    }

    @Override
    String expectedUserName() {
        return "";
    }
}
