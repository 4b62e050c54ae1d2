package io.dltjdbc.config;

import java.sql.DriverPropertyInfo;
import java.util.Map;
import java.util.Properties;

/**
 * The connection keys every destination takes (SPEC §1), each with its default and description,
 * so that {@code Driver.getPropertyInfo} and validation come from one list (the pgjdbc PGProperty pattern).
 * A destination's credential keys ({@link CredentialField}) come on top.
 */
public enum DltProperty {
    DATASET("dataset", null, "dataset (schema) used as the default schema for queries and loads"),
    PIPELINE("pipeline", "dlt", "pipeline name: scopes configuration and names the default DuckDB file"),
    PROJECT_DIR("project_dir", null, "directory holding .dlt/ (default: the working directory)"),
    FULL_REFRESH("full_refresh", "false", "true: the dataset name gets a _<yyyyMMddHHmmss> suffix");

    private final String key;
    private final String defaultValue;
    private final String description;

    DltProperty(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static DltProperty byKey(String key) {
        for (DltProperty property : values()) {
            if (property.key.equals(key)) {
                return property;
            }
        }
        return null;
    }

    /** URL query first, then JDBC Properties, then the default. */
    public String get(Map<String, String> urlQuery, Properties properties) {
        String value = urlQuery.get(key);
        if (value == null && properties != null) {
            value = properties.getProperty(key);
        }
        return value != null ? value : defaultValue;
    }

    public DriverPropertyInfo toDriverPropertyInfo(String value) {
        DriverPropertyInfo info = new DriverPropertyInfo(key, value);
        info.description = description;
        info.required = false;
        if (this == FULL_REFRESH) {
            info.choices = new String[] {"true", "false"};
        }
        return info;
    }
}
