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
 * the global {@code ~/.dlt/}. In every provider the pipeline-scoped spelling ({@code <pipeline>.destination...})
 * comes before the unscoped one. The first hit wins.
 */
public final class ConfigResolver {
    private final List<ConfigProvider> providers;
    private final String pipelineName;

    public ConfigResolver(List<ConfigProvider> providers, String pipelineName) {
        this.providers = List.copyOf(providers);
        this.pipelineName = pipelineName;
    }

    public static ConfigResolver standard(Path projectDir, Path globalDir, Map<String, String> environment, String pipelineName) {
        List<ConfigProvider> providers = new ArrayList<>();
        providers.add(new EnvironmentProvider(environment));
        Path project = projectDir.resolve(".dlt").toAbsolutePath().normalize();
        providers.add(new TomlFileProvider(project.resolve("secrets.toml")));
        providers.add(new TomlFileProvider(project.resolve("config.toml")));
        if (globalDir != null) {
            Path global = globalDir.toAbsolutePath().normalize();
            if (!global.equals(project)) {
                providers.add(new TomlFileProvider(global.resolve("secrets.toml")));
                providers.add(new TomlFileProvider(global.resolve("config.toml")));
            }
        }
        return new ConfigResolver(providers, pipelineName);
    }

    /** The providers, first hit first. */
    public List<ConfigProvider> providers() {
        return providers;
    }

    /** Section prefixes each provider is asked with, in order: the pipeline's ({@code [chess]}), then none. */
    public List<List<String>> scopes() {
        if (pipelineName == null || pipelineName.isEmpty()) {
            return List.of(List.of());
        }
        return List.of(List.of(pipelineName), List.of());
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

    /** The first value of {@code sections + key} that is not a placeholder: provider by provider, scoped before unscoped. */
    public Optional<ConfigValue> find(List<String> sections, String key) throws SQLException {
        for (ConfigProvider provider : providers) {
            for (List<String> scope : scopes()) {
                Optional<ConfigValue> value = provider.get(path(scope, sections, key));
                if (value.isPresent() && !Placeholders.isPlaceholder(value.get().value())) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /** Convenience for dotted keys such as {@code sources.chess.api_url}. */
    public Optional<ConfigValue> find(String dottedKey) throws SQLException {
        List<String> parts = List.of(dottedKey.split("\\."));
        return find(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1));
    }

    static List<String> path(List<String> scope, List<String> sections, String key) {
        List<String> path = new ArrayList<>(scope.size() + sections.size() + 1);
        path.addAll(scope);
        path.addAll(sections);
        path.add(key);
        return path;
    }
}
