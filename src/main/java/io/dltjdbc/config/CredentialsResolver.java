package io.dltjdbc.config;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves the credential fields of one destination in SPEC §2's order. Each field takes the first value
 * found in these places:
 * <ol>
 * <li>URL query keys; the URL location (a connection string, {@code //user:pw@host/db}); JDBC Properties
 *     fields, then a connection string given as the {@code credentials} property;</li>
 * <li>then each provider in turn (environment variables, project {@code secrets.toml}, {@code config.toml}, the
 *     same two in {@code ~/.dlt/}), and in each provider first the pipeline-scoped spellings, then the unscoped
 *     ones; for each spelling: the field ({@code [destination.postgres.credentials] host}), then the whole
 *     connection string ({@code destination.postgres.credentials = "postgresql://..."}), then the field beside
 *     the credentials ({@code [destination.bigquery] location}).</li>
 * </ol>
 * A connection string thus counts at its own place, not after every field of every place. And a connection
 * string from the environment or a file stands for all credentials: fields it leaves out are taken only from
 * places before it, never from places after it, so that a stale {@code ~/.dlt/secrets.toml} can't complete
 * the project's string (sending one file's password to another file's host). Client settings
 * ({@link CredentialField#clientSetting()}, e.g. BigQuery's {@code location}) are not credentials and are still
 * read from every place. A string in the URL or Properties is what the application chose for this connection
 * and does not close the lookup: {@code jdbc:dlt:postgres://loader@host/db} with the password in secrets.toml
 * is the usual way to keep the password out of the URL.
 * <p>
 * {@code driver_properties} is a list of key=value pairs: every place up to the closing string may add keys,
 * the earlier place winning per key.
 */
public final class CredentialsResolver {
    private final String destination;
    private final List<CredentialField> fields;
    private final Function<String, Map<String, String>> nativeParser;

    /**
     * @param nativeParser turns a whole connection string (the URL location or a
     *     {@code destination.<name>.credentials = "..."} value) into fields; an {@code IllegalArgumentException}
     *     it throws must not hold the text, which may hold a password.
     */
    public CredentialsResolver(String destination, List<CredentialField> fields, Function<String, Map<String, String>> nativeParser) {
        this.destination = destination;
        this.fields = List.copyOf(fields);
        this.nativeParser = nativeParser;
    }

    /**
     * What the connection itself was given, in order: loose fields, then maybe a whole connection string.
     *
     * @param where "URL query", "JDBC Properties" ...: fields come from {@code <where> key '<field>'}
     * @param connectionString null when there is none
     * @param connectionStringOrigin where the string came from, e.g. "URL location"
     */
    public record Given(String where, Map<String, String> fields, String connectionString, String connectionStringOrigin) {
        public static Given fields(String where, Map<String, String> fields) {
            return new Given(where, fields, null, null);
        }

        public static Given connectionString(String origin, String text) {
            return new Given(origin, Map.of(), text, origin);
        }
    }

    public Credentials resolve(List<Given> given, ConfigResolver config) throws SQLException {
        List<CredentialPlace> places = places(given, config);
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        Map<String, Placeholders.At> placeholders = new LinkedHashMap<>();
        Map<String, String> closedBy = new LinkedHashMap<>();
        for (CredentialField field : fields) {
            String name = field.name();
            List<ConfigValue> hits = new ArrayList<>();
            for (CredentialPlace place : places) {
                Optional<ConfigValue> value = place.find(name);
                if (value.isPresent()) {
                    hits.add(value.get());
                    if (!name.equals(DriverProperties.FIELD)) {
                        break;
                    }
                } else if (!placeholders.containsKey(name)) {
                    place.placeholder(name).ifPresent(at -> placeholders.put(name, at));
                }
                if (place.closes() && !field.clientSetting()) {
                    closedBy.put(name, place.origin());
                    break;
                }
            }
            if (!hits.isEmpty()) {
                values.put(name, hits.size() == 1 ? hits.get(0) : merged(hits));
                placeholders.remove(name);
            }
        }
        return new Credentials(destination, fields, values, placeholders, closedBy,
                new MissingCredentialsMessage(destination, config));
    }

    /** Every place in lookup order (see the class comment). */
    private List<CredentialPlace> places(List<Given> given, ConfigResolver config) {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(field -> names.add(field.name()));
        List<CredentialPlace> places = new ArrayList<>();
        for (Given place : given) {
            places.add(new CredentialPlace.Given(place.where(), place.fields()));
            if (place.connectionString() != null && !place.connectionString().isEmpty()) {
                ConfigValue text = new ConfigValue(place.connectionString(), place.connectionStringOrigin());
                places.add(new CredentialPlace.ConnectionString(destination, names, nativeParser, place.connectionStringOrigin(),
                        () -> Optional.of(text), false));
            }
        }
        List<String> credentials = List.of("destination", destination, "credentials");
        List<String> beside = List.of("destination", destination);
        for (ConfigProvider provider : config.providers()) {
            for (List<String> scope : config.scopes()) {
                places.add(new CredentialPlace.ProviderSection(provider, concat(scope, credentials)));
                List<String> stringPath = concat(scope, credentials);
                places.add(new CredentialPlace.ConnectionString(destination, names, nativeParser, provider.describe(stringPath),
                        () -> provider.get(stringPath), true));
                places.add(new CredentialPlace.ProviderSection(provider, concat(scope, beside)));
            }
        }
        return places;
    }

    private static ConfigValue merged(List<ConfigValue> hits) {
        List<String> texts = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (ConfigValue hit : hits) {
            texts.add(hit.value());
            origins.add(hit.origin());
        }
        return new ConfigValue(DriverProperties.merge(texts), String.join(" and ", origins));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
