package io.dltjdbc.config;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One place dlt-style configuration can live: environment variables or one TOML file. A key is a
 * section path plus a name ({@code [destination, postgres, credentials]} + {@code password}); every
 * provider first tries the pipeline-scoped spelling ({@code <pipeline>.destination...}), as dlt does.
 */
public interface ConfigProvider {

    /** The value as text, or empty. A TOML table is not a value (it is a section). */
    Optional<ConfigValue> find(List<String> sections, String key) throws SQLException;

    /** How a user would write this key in this place, for "looked in ..." messages. */
    List<String> describe(List<String> sections, String key);
}
