package io.dltjdbc.driver.agreement;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connection behaviours on PostgreSQL (embedded server, pgjdbc underneath). */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresConnectionBehaviourTest extends ConnectionBehaviourContract {
    private static EmbeddedPostgresServer pg;

    @BeforeAll
    static void start(EmbeddedPostgresServer server) throws SQLException {
        pg = server;
        try (Connection loader = pg.loader(); Statement s = loader.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + DATASET + " CASCADE");
            s.execute("DROP SCHEMA IF EXISTS " + OTHER + " CASCADE");
            s.execute("CREATE SCHEMA " + OTHER);
        }
    }

    @Override
    Connection openDlt(String dataset) throws SQLException {
        return DriverManager.getConnection("jdbc:dlt:postgres:" + pg.location() + "?dataset=" + dataset);
    }

    @Override
    String longQuery() {
        return "SELECT pg_sleep(30)";
    }

    @Override
    String rowsQuery(long n) {
        return "SELECT generate_series(1, " + n + ") AS x";
    }

    /** pgjdbc reads with a cursor (fetchSize rows at a time) only inside a transaction. */
    @Override
    void prepareStreaming(Connection connection) throws SQLException {
        connection.setAutoCommit(Boolean.getBoolean("probe"));
    }

    @Override
    String generatedKeyTable() {
        return "CREATE TABLE gk (id SERIAL PRIMARY KEY, v TEXT)";
    }

    @Override
    boolean returnsGeneratedKeys() {
        return true;
    }

    @Override
    String secret() {
        return EmbeddedPostgresServer.PASSWORD;
    }

    @Override
    String expectedUserName() {
        return EmbeddedPostgresServer.USER;
    }
}
