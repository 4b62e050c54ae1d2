package io.dltjdbc.destination.duckdb;

import io.dltjdbc.config.CredentialField;
import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.DestinationSettings;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB, embedded. The database is, in dlt's order: a {@code DuckDBConnection} given as the
 * {@code credentials} property, the {@code database} credential (URL location, {@code duckdb:///path},
 * secrets.toml ...), else {@code <pipeline_name>.duckdb} in the project directory.
 */
public final class DuckDbDestinationFactory implements DestinationFactory {
    public static final String MEMORY = ":memory:";

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(CredentialField.optional("database", null,
                "database file (relative to project_dir), :memory:, or duckdb:///path; default <pipeline>.duckdb"));
    }

    @Override
    public Map<String, String> parseConnectionString(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String value = text.trim();
        if (value.startsWith("duckdb:///")) {
            value = value.substring("duckdb:///".length());
        } else if (value.startsWith("duckdb:")) {
            value = value.substring("duckdb:".length());
        }
        if (!value.isEmpty()) {
            fields.put("database", value);
        }
        return fields;
    }

    @Override
    public int maxIdentifierLength() {
        return 65536;
    }

    @Override
    public Destination open(DestinationSettings settings) throws SQLException {
        if (settings.credentialsObject() instanceof DuckDBConnection given) {
            // The caller keeps its connection; we work on a duplicate of it and close only that.
            return new DuckDbDestination(given.duplicate(), null);
        }
        if (settings.credentialsObject() != null) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("the 'credentials' property of a duckdb connection must be an "
                    + "org.duckdb.DuckDBConnection, not " + settings.credentialsObject().getClass().getName());
        }
        String database = settings.credentials().get("database").orElse(settings.pipelineName() + ".duckdb");
        if (database.equals(MEMORY) || database.isEmpty()) {
            return new DuckDbDestination(DuckDbInstances.openInMemory(), null);
        }
        Path file = settings.projectDir().resolve(database).toAbsolutePath().normalize();
        createParentDirectories(file);
        Connection connection = DuckDbInstances.open(file);
        return new DuckDbDestination(connection, file);
    }

    private static void createParentDirectories(Path file) throws SQLException {
        Path parent = file.getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (AccessDeniedException e) {
            throw DltSqlState.IO_ERROR.exception("cannot create the directory " + parent + " for the DuckDB database " + file
                    + ": permission denied", e);
        } catch (FileSystemException e) {
            throw DltSqlState.IO_ERROR.exception("cannot create the directory " + parent + " for the DuckDB database " + file
                    + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()), e);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot create the directory " + parent + " for the DuckDB database " + file
                    + ": " + e.getMessage(), e);
        }
    }
}
