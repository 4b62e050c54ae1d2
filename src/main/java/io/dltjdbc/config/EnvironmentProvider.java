package io.dltjdbc.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** dlt's environment variables: sections and key upper-cased and joined with {@code __}. */
public final class EnvironmentProvider implements ConfigProvider {
    private final Map<String, String> environment;

    public EnvironmentProvider(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Optional<ConfigValue> get(List<String> path) {
        String name = spelling(path);
        String value = environment.get(name);
        return value == null ? Optional.empty() : Optional.of(new ConfigValue(value, "environment variable " + name));
    }

    @Override
    public String spelling(List<String> path) {
        return String.join("__", path).toUpperCase(Locale.ROOT);
    }

    @Override
    public String place() {
        return "environment variables";
    }

    @Override
    public String describe(List<String> path) {
        return "environment variable " + spelling(path);
    }

    @Override
    public Optional<Placeholders.At> placeholderAt(List<String> path) {
        String value = environment.get(spelling(path));
        return Placeholders.isPlaceholder(value) ? Optional.of(new Placeholders.At(describe(path), 0))
                : Optional.empty();
    }
}
