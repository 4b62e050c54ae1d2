package io.dltjdbc.destination;

import io.dltjdbc.destination.bigquery.BigQueryDestinationFactory;
import io.dltjdbc.destination.duckdb.DuckDbDestinationFactory;
import io.dltjdbc.destination.postgres.PostgresDestinationFactory;
import io.dltjdbc.destination.redshift.RedshiftDestinationFactory;
import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The destinations dlt-jdbc knows, by their dlt names. */
public final class Destinations {
    private static final List<DestinationFactory> ALL = List.of(
            new DuckDbDestinationFactory(),
            new PostgresDestinationFactory(),
            new RedshiftDestinationFactory(),
            new BigQueryDestinationFactory());

    private Destinations() {
    }

    public static List<DestinationFactory> all() {
        return ALL;
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (DestinationFactory factory : ALL) {
            names.add(factory.name());
        }
        return names;
    }

    public static DestinationFactory byName(String name) throws SQLException {
        for (DestinationFactory factory : ALL) {
            if (factory.name().equals(name)) {
                return factory;
            }
        }
        throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(
                "unknown destination '" + name + "'; valid destinations: " + String.join(", ", names()));
    }
}
