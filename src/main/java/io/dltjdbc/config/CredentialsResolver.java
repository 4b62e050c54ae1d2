package io.dltjdbc.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves each credential field of one destination through SPEC §2's order: the URL (query keys,
 * then the location, e.g. {@code //user:pw@host/db}), JDBC Properties, then for every provider the
 * field itself and then a whole connection string at {@code destination.<name>.credentials}.
 */
public final class CredentialsResolver {
    private final String destination;
    private final List<CredentialField> fields;
    private final Function<String, Map<String, String>> nativeParser;

    /**
     * @param nativeParser turns a whole connection string (the URL location or a
     *     {@code destination.<name>.credentials = "..."} value) into fields; it must not put secrets in exceptions.
     */
    public CredentialsResolver(String destination, List<CredentialField> fields, Function<String, Map<String, String>> nativeParser) {
        this.destination = destination;
        this.fields = List.copyOf(fields);
        this.nativeParser = nativeParser;
    }

    public Credentials resolve(Map<String, String> urlQuery, String urlLocation, Map<String, String> properties,
            ConfigResolver config) throws SQLException {
        List<String> sections = List.of("destination", destination, "credentials");
        List<String> parent = List.of("destination", destination);
        Map<String, String> fromLocation = urlLocation == null || urlLocation.isEmpty() ? Map.of() : nativeParser.apply(urlLocation);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        Map<String, List<String>> looked = new LinkedHashMap<>();
        Map<String, CredentialField> byName = new LinkedHashMap<>();
        for (CredentialField field : fields) {
            byName.put(field.name(), field);
            List<String> places = new ArrayList<>();
            Optional<ConfigValue> found = fromMap(urlQuery, field.name(), "URL query key '" + field.name() + "'", places);
            if (found.isEmpty()) {
                found = fromMap(fromLocation, field.name(), "URL location", places);
            }
            if (found.isEmpty()) {
                found = fromMap(properties, field.name(), "JDBC Properties key '" + field.name() + "'", places);
            }
            if (found.isEmpty()) {
                found = config.find(sections, field.name());
                places.addAll(config.placesLooked(sections, field.name()));
            }
            if (found.isEmpty() && !field.name().equals("credentials")) {
                // destination settings such as bigquery's location live beside the credentials in dlt
                found = config.find(parent, field.name());
                places.addAll(config.placesLooked(parent, field.name()));
            }
            if (found.isEmpty()) {
                Optional<ConfigValue> whole = config.find(parent, "credentials");
                places.add("connection strings at destination." + destination + ".credentials");
                if (whole.isPresent()) {
                    String value = nativeParser.apply(whole.get().value()).get(field.name());
                    if (value != null && !Placeholders.isPlaceholder(value)) {
                        found = Optional.of(new ConfigValue(value, whole.get().origin()));
                    }
                }
            }
            found.ifPresent(value -> values.put(field.name(), value));
            looked.put(field.name(), places);
        }
        return new Credentials(destination, values, looked, byName, config.projectSecretsFile().toString());
    }

    private static Optional<ConfigValue> fromMap(Map<String, String> map, String key, String origin, List<String> places) {
        places.add(origin);
        String value = map.get(key);
        if (value == null || Placeholders.isPlaceholder(value)) {
            return Optional.empty();
        }
        return Optional.of(new ConfigValue(value, origin));
    }
}
