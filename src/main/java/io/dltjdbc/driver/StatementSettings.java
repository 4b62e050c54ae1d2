package io.dltjdbc.driver;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a caller set on a statement (query timeout, fetch size, ...), applied to the vendor statement and kept,
 * so that a fresh vendor statement can take it over: DltStatement replaces the one DuckDB closes when a query
 * fails. Only the newest value of each setting is kept.
 */
final class StatementSettings {

    /** One setter call on a vendor statement. */
    @FunctionalInterface
    interface Setting {
        void applyTo(Statement statement) throws SQLException;
    }

    private final Map<String, Setting> settings = new LinkedHashMap<>();

    /** Applies the setting to {@code statement} now and remembers it under {@code name}. */
    void set(Statement statement, String name, Setting setting) throws SQLException {
        setting.applyTo(statement);
        settings.put(name, setting);
    }

    /** Applies every remembered setting, in the order they were first made. */
    void applyTo(Statement statement) throws SQLException {
        for (Setting setting : settings.values()) {
            setting.applyTo(statement);
        }
    }
}
