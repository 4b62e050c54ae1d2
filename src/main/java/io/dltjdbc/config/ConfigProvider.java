package io.dltjdbc.config;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One place dlt-style configuration can live: environment variables or one TOML file. A path is
 * sections plus a key ({@code [destination, postgres, credentials, password]}), looked up exactly as
 * given: which pipeline-scoped spellings to try, and in what order, is {@link ConfigResolver}'s job.
 */
public interface ConfigProvider {

    /** The value at exactly this path, as text, or empty. A TOML table is not a value (it is a section). */
    Optional<ConfigValue> get(List<String> path) throws SQLException;

    /** How a user writes this path here: {@code DESTINATION__POSTGRES__CREDENTIALS__HOST}, {@code [destination.postgres.credentials] host}. */
    String spelling(List<String> path);

    /** This provider in a message: "environment variables" or the file. */
    String place();

    /** One path here in a message: "environment variable X", "file [section] key". */
    String describe(List<String> path);

    /**
     * Where the path holds a placeholder left for the user to fill in ({@code dlt-jdbc init}'s
     * {@code "..." # please set me up!}, or {@code "<configure me>"}); empty when it holds none.
     */
    default Optional<Placeholders.At> placeholderAt(List<String> path) throws SQLException {
        return Optional.empty();
    }
}
