package io.dltjdbc.config;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dlt's provider chain after the URL and JDBC Properties (SPEC §2): environment variables, then
 * {@code <project>/.dlt/secrets.toml}, {@code <project>/.dlt/config.toml}, then the same two files in
 * the global {@code ~/.dlt/}. The first hit wins.
 */
public final class ConfigResolver {
    private final List<ConfigProvider> providers;

    public ConfigResolver(List<ConfigProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public static ConfigResolver standard(Path projectDir, Path globalDir, Map<String, String> environment, String pipelineName) {
        List<ConfigProvider> providers = new ArrayList<>();
        providers.add(new EnvironmentProvider(environment, pipelineName));
        Path project = projectDir.resolve(".dlt").toAbsolutePath().normalize();
        providers.add(new TomlFileProvider(project.resolve("secrets.toml"), pipelineName));
        providers.add(new TomlFileProvider(project.resolve("config.toml"), pipelineName));
        if (globalDir != null) {
            Path global = globalDir.toAbsolutePath().normalize();
            if (!global.equals(project)) {
                providers.add(new TomlFileProvider(global.resolve("secrets.toml"), pipelineName));
                providers.add(new TomlFileProvider(global.resolve("config.toml"), pipelineName));
            }
        }
        return new ConfigResolver(providers);
    }

    /** The project's secrets file, where "add this line" messages point. */
    public Path projectSecretsFile() {
        for (ConfigProvider provider : providers) {
            if (provider instanceof TomlFileProvider toml && toml.file().getFileName().toString().equals("secrets.toml")) {
                return toml.file();
            }
        }
        return Path.of(".dlt", "secrets.toml");
    }

    public Optional<ConfigValue> find(List<String> sections, String key) throws SQLException {
        for (ConfigProvider provider : providers) {
            Optional<ConfigValue> value = provider.find(sections, key);
            if (value.isPresent() && !Placeholders.isPlaceholder(value.get().value())) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** Convenience for dotted keys such as {@code sources.chess.api_url}. */
    public Optional<ConfigValue> find(String dottedKey) throws SQLException {
        List<String> parts = List.of(dottedKey.split("\\."));
        return find(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1));
    }

    public List<String> placesLooked(List<String> sections, String key) {
        List<String> places = new ArrayList<>();
        for (ConfigProvider provider : providers) {
            places.addAll(provider.describe(sections, key));
        }
        return places;
    }
}
