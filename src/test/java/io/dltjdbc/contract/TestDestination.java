package io.dltjdbc.contract;

import io.dltjdbc.testkit.EmbeddedPostgresServer;
import io.dltjdbc.testkit.RedshiftOnPostgresSocketFactory;
import io.dltjdbc.testkit.bigquery.FakeBigQueryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * The destinations the contract suite runs on, each as the real client against a real or loopback
 * server started by the tests: DuckDB in process, PostgreSQL embedded, the Redshift driver against that
 * PostgreSQL, the BigQuery client against the loopback fake.
 */
enum TestDestination {
    DUCKDB {
        @Override
        String url(String dataset) {
            return "jdbc:dlt:duckdb::memory:?dataset=" + dataset;
        }
    },
    POSTGRES {
        @Override
        String url(String dataset) {
            return "jdbc:dlt:postgres:" + EmbeddedPostgresServer.get().location() + "?dataset=" + dataset;
        }
    },
    REDSHIFT_ON_POSTGRES {
        @Override
        String url(String dataset) {
            return "jdbc:dlt:redshift:" + EmbeddedPostgresServer.get().location() + "?dataset=" + dataset + "&driver_properties="
                    + RedshiftOnPostgresSocketFactory.DRIVER_PROPERTIES;
        }
    },
    BIGQUERY_LOOPBACK {
        @Override
        String url(String dataset) {
            return "jdbc:dlt:bigquery:contract-project?endpoint=" + bigQuery().endpoint() + "&dataset=" + dataset;
        }
    };

    private static FakeBigQueryServer fakeBigQuery;

    /** A URL whose default dataset is {@code dataset}. An in-memory DuckDB is one database per connection. */
    abstract String url(String dataset);

    /** Whether two connections to {@link #url} see the same database. */
    boolean sharedBetweenConnections() {
        return this != DUCKDB;
    }

    private static synchronized FakeBigQueryServer bigQuery() {
        if (fakeBigQuery == null) {
            try {
                fakeBigQuery = new FakeBigQueryServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(fakeBigQuery::close));
        }
        return fakeBigQuery;
    }
}
