package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.postgres.PostgresDestinationFactory;
import io.dltjdbc.destination.postgres.ServerTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Redshift through redshift-jdbc42 ({@code jdbc:redshift://host:port/database}): Postgres' credential keys
 * with Redshift's port and identifier length. {@code driver_properties} passes driver properties such as
 * {@code ssl=false;socketFactory=<class>}.
 */
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

    @Override
    protected Connection connect(ServerTarget target, Properties properties) throws SQLException {
        return new com.amazon.redshift.Driver().connect(
                "jdbc:redshift://" + urlHost(target.host()) + ":" + target.port() + "/" + target.database(), properties);
    }

    @Override
    protected Destination newDestination(Connection connection, ServerTarget target) {
        return new RedshiftDestination(connection, target);
    }
}
