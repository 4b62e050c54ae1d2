package io.dltjdbc.driver.agreement;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.BeforeAll;

/** The agreement suite against DuckDB's own driver on the same database (reached through {@code unwrap}). */
class DuckDbMetadataAgreementTest extends MetadataAgreementContract {

    @BeforeAll
    void setUp() throws SQLException {
        load();
    }

    @Override
    Connection openDlt() throws SQLException {
        return DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=" + DATASET);
    }

    @Override
    DatabaseMetaData vendorMetaData(Connection dlt) throws SQLException {
        return dlt.unwrap(DuckDBConnection.class).getMetaData();
    }

    /** A duplicate of the same in-memory database, with the same default schema. */
    @Override
    Connection vendorConnection(Connection dlt) throws SQLException {
        Connection plain = dlt.unwrap(DuckDBConnection.class).duplicate();
        plain.createStatement().execute("USE " + DATASET);
        return plain;
    }

    @Override
    boolean vendorSaysBaseTable() {
        return true;
    }
}
