package io.dltjdbc.driver.agreement;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agreement suite against pgjdbc on the same PostgreSQL database. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresMetadataAgreementTest extends MetadataAgreementContract {
    private EmbeddedPostgresServer pg;
    private Connection bare;

    @BeforeAll
    void setUp(EmbeddedPostgresServer server) throws SQLException {
        pg = server;
        try (Connection loader = pg.loader(); Statement s = loader.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + DATASET + " CASCADE");
        }
        load();
    }

    @AfterAll
    void closeBare() throws SQLException {
        if (bare != null) {
            bare.close();
        }
    }

    @Override
    Connection openDlt() throws SQLException {
        return DriverManager.getConnection("jdbc:dlt:postgres:" + pg.location() + "?dataset=" + DATASET);
    }

    @Override
    DatabaseMetaData vendorMetaData(Connection dlt) throws SQLException {
        bare = pg.loader();
        return bare.getMetaData();
    }

    @Override
    Connection vendorConnection(Connection dlt) throws SQLException {
        Connection plain = pg.loader();
        plain.createStatement().execute("SET search_path TO " + DATASET);
        return plain;
    }

    @Override
    boolean vendorSaysBaseTable() {
        return false;
    }
}
