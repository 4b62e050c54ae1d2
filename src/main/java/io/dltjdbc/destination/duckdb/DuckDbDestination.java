package io.dltjdbc.destination.duckdb;

import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.Loader;
import io.dltjdbc.destination.SqlDialect;
import io.dltjdbc.destination.SystemTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** An open DuckDB database: a connection of the shared instance for one dlt connection. */
public final class DuckDbDestination implements Destination {
    private final Connection connection;
    private final Path file;

    private final DuckDbDialect dialect;

    DuckDbDestination(Connection connection, Path file) throws SQLException {
        this.connection = connection;
        this.file = file;
        this.dialect = new DuckDbDialect(currentCatalog(connection));
    }

    private static String currentCatalog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public Connection sqlConnection() {
        return connection;
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    /** The database file, or null in memory. */
    public Path file() {
        return file;
    }

    @Override
    public void useDataset(String dataset) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.qualifiedSchema(dataset));
            statement.execute("USE " + dialect.qualifiedSchema(dataset));
        }
    }

    @Override
    public boolean datasetExists(String dataset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.schemata WHERE catalog_name = current_database() AND schema_name = ?")) {
            statement.setString(1, dataset);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public Loader loader() {
        return new DuckDbLoader(connection, dialect, file);
    }

    @Override
    public SystemTables systemTables() {
        return new SystemTables(connection, dialect, DuckDbTypeMapper.INSTANCE);
    }

    @Override
    public int maxIdentifierLength() {
        return 65536;
    }

    @Override
    public java.util.List<io.dltjdbc.driver.metadata.TypeInfoRow> typeInfo() {
        return DuckDbTypeInfo.ROWS;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (file != null) {
                DuckDbInstances.release(file);
            }
        }
    }
}
