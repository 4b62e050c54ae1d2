package io.dltjdbc.driver;

import io.dltjdbc.config.ConfigResolver;
import io.dltjdbc.config.CredentialField;
import io.dltjdbc.config.Credentials;
import io.dltjdbc.config.CredentialsResolver;
import io.dltjdbc.config.DltProperty;
import io.dltjdbc.config.DriverProperties;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.Destinations;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** A URL plus Properties, checked and resolved as far as possible without opening anything. */
final class ConnectionRequest {
    /** Keys a JDBC tool passes on its own (user/password fields); for a destination without them they are ignored. */
    private static final Set<String> TOOL_KEYS = Set.of("user", "password");
    private static final String CREDENTIALS_OBJECT = "credentials";

    final DltUrl url;
    final DestinationFactory factory;
    final Properties properties;
    final String pipeline;
    final Path projectDir;
    final ConfigResolver config;
    /** The {@code credentials} property when it is an object (a DuckDBConnection, Google credentials), else null. */
    final Object credentialsObject;
    private final Map<String, String> queryCredentials;
    /** URL query keys that belong to the location's connection string: driver properties such as sslmode. */
    private final Map<String, String> locationQuery;
    private final Map<String, String> propertyCredentials;
    private final String propertyConnectionString;

    private ConnectionRequest(String url, Properties info) throws SQLException {
        this.url = DltUrl.parse(url);
        this.factory = Destinations.byName(this.url.destination());
        this.properties = info == null ? new Properties() : info;
        Set<String> credentialKeys = new TreeSet<>();
        for (CredentialField field : factory.credentialFields()) {
            credentialKeys.add(field.name());
        }
        queryCredentials = new LinkedHashMap<>();
        locationQuery = new LinkedHashMap<>();
        boolean takesDriverProperties = credentialKeys.contains(DriverProperties.FIELD);
        for (Map.Entry<String, String> entry : this.url.query().entrySet()) {
            String key = entry.getKey();
            if (DltProperty.byKey(key) != null) {
                continue;
            }
            if (credentialKeys.contains(key)) {
                queryCredentials.put(key, entry.getValue());
            } else if (takesDriverProperties && !this.url.location().isEmpty()) {
                // jdbc:dlt:postgres://u@h/db?sslmode=require: the '?' also ends the location's connection string,
                // whose query keys are the vendor driver's (as in a postgresql:// string in secrets.toml)
                locationQuery.put(key, entry.getValue());
            } else {
                checkKey(key, "URL query", credentialKeys);
            }
        }
        propertyCredentials = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (DltProperty.byKey(key) != null || key.equals(CREDENTIALS_OBJECT)) {
                continue;
            }
            if (key.equals("user") && credentialKeys.contains("username")) {
                propertyCredentials.put("username", value);
            } else if (credentialKeys.contains(key)) {
                propertyCredentials.put(key, value);
            } else if (!TOOL_KEYS.contains(key)) {
                checkKey(key, "JDBC Properties", credentialKeys);
            }
        }
        Object credentials = properties.get(CREDENTIALS_OBJECT);
        // a whole connection string given as a property counts like the URL location, after the Properties fields
        propertyConnectionString = credentials instanceof String text ? text : null;
        credentialsObject = credentials instanceof String ? null : credentials;
        pipeline = DltProperty.PIPELINE.get(this.url.query(), properties);
        String dir = DltProperty.PROJECT_DIR.get(this.url.query(), properties);
        projectDir = Path.of(dir == null ? "" : dir).toAbsolutePath().normalize();
        config = ConfigResolver.standard(projectDir, DltDriver.globalConfigDir(), System.getenv(), pipeline);
    }

    static ConnectionRequest of(String url, Properties info) throws SQLException {
        return new ConnectionRequest(url, info);
    }

    Credentials credentials() throws SQLException {
        CredentialsResolver resolver = new CredentialsResolver(factory.name(), factory.credentialFields(),
                factory::parseConnectionString);
        return resolver.resolve(List.of(
                CredentialsResolver.Given.fields("URL query", queryCredentials),
                CredentialsResolver.Given.connectionString("URL location", locationWithQuery()),
                new CredentialsResolver.Given("JDBC Properties", propertyCredentials, propertyConnectionString,
                        "JDBC Properties key '" + CREDENTIALS_OBJECT + "'")), config);
    }

    /** The URL location with the query keys that belong to it, encoded again for the connection string parser. */
    private String locationWithQuery() {
        StringBuilder location = new StringBuilder(url.location());
        char separator = '?';
        for (Map.Entry<String, String> entry : locationQuery.entrySet()) {
            location.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return location.toString();
    }

    String dataset() {
        String dataset = DltProperty.DATASET.get(url.query(), properties);
        if (dataset != null && Boolean.parseBoolean(DltProperty.FULL_REFRESH.get(url.query(), properties))) {
            dataset = dataset + "_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        }
        return dataset;
    }

    private void checkKey(String key, String where, Set<String> credentialKeys) throws SQLException {
        if (DltProperty.byKey(key) != null || credentialKeys.contains(key)) {
            return;
        }
        Set<String> valid = new TreeSet<>(credentialKeys);
        for (DltProperty property : DltProperty.values()) {
            valid.add(property.key());
        }
        String vendorHint = credentialKeys.contains(DriverProperties.FIELD)
                ? " (a property of the " + factory.name() + " JDBC driver goes in driver_properties=key=value;key=value, or in"
                        + " the query of a connection string such as jdbc:dlt:" + factory.name() + "://user@host/database?"
                        + key + "=...)"
                : "";
        throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("unknown " + where + " key '" + key + "' for destination "
                + factory.name() + "; valid keys: " + String.join(", ", valid) + vendorHint);
    }
}
