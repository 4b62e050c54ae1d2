package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.postgres.PostgresDestinationFactory;

/** Redshift through redshift-jdbc42: Postgres' keys with Redshift's port and identifier length. */
public class RedshiftDestinationFactory extends PostgresDestinationFactory {

    @Override
    public String name() {
        return "redshift";
    }

    @Override
    protected String defaultPort() {
        return "5439";
    }

    @Override
    public int maxIdentifierLength() {
        return 127;
    }
}
