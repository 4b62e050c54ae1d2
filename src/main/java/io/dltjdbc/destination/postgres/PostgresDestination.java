package io.dltjdbc.destination.postgres;

import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.Loader;
import io.dltjdbc.destination.SqlDialect;
import io.dltjdbc.destination.SystemTables;
import io.dltjdbc.destination.TypeMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An open PostgreSQL database: one pgjdbc connection per dlt connection. The dataset is a schema and the
 * connection's {@code search_path}. Redshift extends it, overriding only its differences.
 */
public class PostgresDestination implements Destination {
    protected final Connection connection;
    protected final ServerTarget target;

    public PostgresDestination(Connection connection, ServerTarget target) {
        this.connection = connection;
        this.target = target;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Connection sqlConnection() {
        return connection;
    }

    @Override
    public SqlDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    public TypeMapper types() {
        return PostgresTypeMapper.INSTANCE;
    }

    public ServerTarget target() {
        return target;
    }

    /**
     * Creates the schema only when it is missing (PostgreSQL checks the CREATE privilege even for
     * {@code IF NOT EXISTS}, so a read-only user can still use an existing dataset), then puts it on the
     * {@code search_path}.
     */
    @Override
    public void useDataset(String dataset) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!datasetExists(dataset)) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + dialect().quoteIdentifier(dataset));
            }
            statement.execute("SET search_path TO " + dialect().quoteIdentifier(dataset));
        } catch (SQLException e) {
            throw target.wrap("cannot use dataset '" + dataset + "'", e);
        }
    }

    @Override
    public boolean datasetExists(String dataset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, dataset);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public Loader loader() {
        return new PostgresLoader(connection, target);
    }

    @Override
    public SystemTables systemTables() {
        return new SystemTables(connection, dialect(), types());
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
