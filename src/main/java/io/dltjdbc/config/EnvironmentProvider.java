package io.dltjdbc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** dlt's environment variables: sections and key upper-cased and joined with {@code __}. */
public final class EnvironmentProvider implements ConfigProvider {
    private final Map<String, String> environment;
    private final String pipelineName;

    public EnvironmentProvider(Map<String, String> environment, String pipelineName) {
        this.environment = environment;
        this.pipelineName = pipelineName;
    }

    @Override
    public Optional<ConfigValue> find(List<String> sections, String key) {
        for (String name : names(sections, key)) {
            String value = environment.get(name);
            if (value != null) {
                return Optional.of(new ConfigValue(value, "environment variable " + name));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> describe(List<String> sections, String key) {
        List<String> out = new ArrayList<>();
        for (String name : names(sections, key)) {
            out.add("environment variable " + name);
        }
        return out;
    }

    private List<String> names(List<String> sections, String key) {
        String unscoped = join(sections, key);
        List<String> names = new ArrayList<>(2);
        if (pipelineName != null && !pipelineName.isEmpty()) {
            names.add(pipelineName.toUpperCase(Locale.ROOT) + "__" + unscoped);
        }
        names.add(unscoped);
        return names;
    }

    private static String join(List<String> sections, String key) {
        StringBuilder out = new StringBuilder();
        for (String section : sections) {
            out.append(section.toUpperCase(Locale.ROOT)).append("__");
        }
        return out.append(key.toUpperCase(Locale.ROOT)).toString();
    }
}
