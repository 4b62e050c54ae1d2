package io.dltjdbc.config;

import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One place of SPEC §2's order that may hold credential fields: loose fields (URL query keys, JDBC
 * Properties, {@code DESTINATION__POSTGRES__CREDENTIALS__HOST}, a TOML key) or one whole connection
 * string. {@link CredentialsResolver} asks the places in order, field by field.
 */
abstract class CredentialPlace {

    /** The field's value here, or empty. A placeholder is no value. */
    abstract Optional<ConfigValue> find(String field) throws SQLException;

    /**
     * True for a connection string from the environment or a file that is set: it stands for every
     * credential field, so later places are not read for them (see {@link CredentialsResolver}).
     */
    boolean closes() throws SQLException {
        return false;
    }

    /** Where this place holds a placeholder for the field, or empty. */
    Optional<Placeholders.At> placeholder(String field) throws SQLException {
        return Optional.empty();
    }

    /** This place in messages. */
    abstract String origin();

    private static Optional<ConfigValue> unlessPlaceholder(Optional<ConfigValue> value) {
        return value.filter(v -> !Placeholders.isPlaceholder(v.value()));
    }

    /** Fields the connection was given: URL query keys or JDBC Properties. */
    static final class Given extends CredentialPlace {
        private final String where;
        private final Map<String, String> values;

        Given(String where, Map<String, String> values) {
            this.where = where;
            this.values = values;
        }

        @Override
        Optional<ConfigValue> find(String field) {
            String value = values.get(field);
            return unlessPlaceholder(Optional.ofNullable(value).map(v -> new ConfigValue(v, where + " key '" + field + "'")));
        }

        @Override
        String origin() {
            return where;
        }

    }

    /** Fields under one section of one provider, e.g. {@code [chess.destination.postgres.credentials]}. */
    static final class ProviderSection extends CredentialPlace {
        private final ConfigProvider provider;
        private final List<String> section;

        ProviderSection(ConfigProvider provider, List<String> section) {
            this.provider = provider;
            this.section = List.copyOf(section);
        }

        @Override
        Optional<ConfigValue> find(String field) throws SQLException {
            return unlessPlaceholder(provider.get(path(field)));
        }

        @Override
        Optional<Placeholders.At> placeholder(String field) throws SQLException {
            return provider.placeholderAt(path(field));
        }

        @Override
        String origin() {
            return provider.place() + " " + String.join(".", section);
        }


        private List<String> path(String field) {
            List<String> path = new ArrayList<>(section);
            path.add(field);
            return path;
        }
    }

    /**
     * A whole connection string ({@code postgresql://user:pw@host/db?sslmode=require}, {@code duckdb:///file},
     * a service-account JSON), parsed once when first asked. Its query keys that are not fields of the
     * destination are driver properties and go to {@code driver_properties}, so that {@code sslmode=require}
     * reaches the vendor driver instead of being dropped.
     */
    static final class ConnectionString extends CredentialPlace {
        private final String destination;
        private final Set<String> fieldNames;
        private final Function<String, Map<String, String>> parser;
        private final Text text;
        private final boolean fromConfiguration;
        private final String describe;
        private Optional<ConfigValue> raw;
        private Map<String, String> parsed;

        /** Reads the string only when asked: a file after the place that answered is never opened. */
        interface Text {
            Optional<ConfigValue> get() throws SQLException;
        }

        /**
         * @param describe where the string would be, e.g. {@code environment variable DESTINATION__POSTGRES__CREDENTIALS}
         * @param text the string and where it came from; empty when this place has none
         * @param fromConfiguration true for the environment and files: such a string {@link #closes() closes} the lookup
         */
        ConnectionString(String destination, Set<String> fieldNames, Function<String, Map<String, String>> parser,
                String describe, Text text, boolean fromConfiguration) {
            this.destination = destination;
            this.fieldNames = fieldNames;
            this.parser = parser;
            this.text = text;
            this.fromConfiguration = fromConfiguration;
            this.describe = describe;
        }

        @Override
        Optional<ConfigValue> find(String field) throws SQLException {
            Optional<ConfigValue> string = raw();
            if (string.isEmpty()) {
                return Optional.empty();
            }
            String value = fields(string.get()).get(field);
            return unlessPlaceholder(Optional.ofNullable(value).map(v -> new ConfigValue(v, string.get().origin())));
        }

        @Override
        boolean closes() throws SQLException {
            return fromConfiguration && raw().isPresent();
        }

        @Override
        String origin() {
            return raw == null || raw.isEmpty() ? describe : raw.get().origin();
        }

        /** The string, unless absent, blank or a placeholder. */
        private Optional<ConfigValue> raw() throws SQLException {
            if (raw == null) {
                raw = text.get().filter(v -> !v.value().isBlank() && !Placeholders.isPlaceholder(v.value()));
            }
            return raw;
        }


        private Map<String, String> fields(ConfigValue string) throws SQLException {
            if (parsed == null) {
                parsed = split(parse(string), string);
            }
            return parsed;
        }

        private Map<String, String> parse(ConfigValue string) throws SQLException {
            try {
                return parser.apply(string.value());
            } catch (IllegalArgumentException e) {
                // the parser's message never holds the text (DestinationFactory's contract); the text may hold a password
                throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("malformed " + destination + " connection string in "
                        + string.origin() + ": " + e.getMessage());
            }
        }

        /** Fields stay fields; every other key becomes a driver property (or an error, for a destination without them). */
        private Map<String, String> split(Map<String, String> all, ConfigValue string) throws SQLException {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> driverProperties = new LinkedHashMap<>();
            Set<String> unknown = new TreeSet<>();
            for (Map.Entry<String, String> entry : all.entrySet()) {
                String key = entry.getKey();
                if (fieldNames.contains(key)) {
                    fields.put(key, entry.getValue());
                } else if (fieldNames.contains(DriverProperties.FIELD)) {
                    if (!DriverProperties.canHold(entry.getValue())) {
                        throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("the value of key '" + key
                                + "' of the connection string in " + string.origin() + " contains ';', ',' or a line break, which "
                                + "the vendor driver's property list (" + DriverProperties.FIELD + ") cannot carry");
                    }
                    driverProperties.put(key, entry.getValue());
                } else {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("the connection string in " + string.origin()
                        + " has keys destination " + destination + " does not take: " + String.join(", ", unknown)
                        + "; valid keys: " + String.join(", ", new TreeSet<>(fieldNames)));
            }
            if (!driverProperties.isEmpty()) {
                // an explicit driver_properties key of the same string comes first, then the string's own query keys
                List<String> lists = new ArrayList<>();
                lists.add(fields.get(DriverProperties.FIELD));
                lists.add(DriverProperties.format(driverProperties));
                fields.put(DriverProperties.FIELD, DriverProperties.merge(lists));
            }
            return fields;
        }
    }
}
