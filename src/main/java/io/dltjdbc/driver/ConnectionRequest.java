package io.dltjdbc.driver;

import io.dltjdbc.config.ConfigResolver;
import io.dltjdbc.config.Credentials;
import io.dltjdbc.config.CredentialsResolver;
import io.dltjdbc.config.DltProperty;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.Destinations;
import io.dltjdbc.schema.NamingConvention;
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

/** A URL plus Properties, checked and resolved as far as possible without opening anything. */
final class ConnectionRequest {
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
    /** {@code _<yyyyMMddHHmmss>} for {@code full_refresh=true}, taken once per connection; else null. */
    final String fullRefreshSuffix;

    private ConnectionRequest(String url, Properties info) throws SQLException {
        this.url = DltUrl.parse(url);
        this.factory = Destinations.byName(this.url.destination());
        this.properties = info == null ? new Properties() : info;
        GivenKeys keys = new GivenKeys(factory);
        locationQuery = new LinkedHashMap<>();
        // jdbc:dlt:postgres://u@h/db?sslmode=require: the '?' also ends the location's connection string, whose
        // query keys are the vendor driver's (as in a postgresql:// string in secrets.toml)
        queryCredentials = keys.fields(this.url.query(), "URL query", this.url.location().isEmpty() ? null : locationQuery);
        Map<String, String> given = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.equals(CREDENTIALS_OBJECT)) {
                given.put(key, properties.getProperty(key));
            }
        }
        propertyCredentials = keys.fields(given, "JDBC Properties", null);
        Object credentials = properties.get(CREDENTIALS_OBJECT);
        // a whole connection string given as a property counts like the URL location, after the Properties fields
        propertyConnectionString = credentials instanceof String text ? text : null;
        credentialsObject = credentials instanceof String ? null : credentials;
        pipeline = DltProperty.PIPELINE.get(this.url.query(), properties);
        String dir = DltProperty.PROJECT_DIR.get(this.url.query(), properties);
        projectDir = Path.of(dir == null ? "" : dir).toAbsolutePath().normalize();
        config = ConfigResolver.standard(projectDir, DltDriver.globalConfigDir(), System.getenv(), pipeline);
        fullRefreshSuffix = Boolean.parseBoolean(DltProperty.FULL_REFRESH.get(this.url.query(), properties))
                ? "_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) : null;
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

    /**
     * The connection's dataset, normalized with the destination's naming convention as loads normalize it
     * ({@code MyDS} is {@code my_ds}), so that unqualified queries find what {@code LOAD ... INTO t} wrote. Null when
     * none is given (or it is blank).
     */
    String dataset() {
        String dataset = DltProperty.DATASET.get(url.query(), properties);
        if (dataset == null || dataset.isBlank()) {
            return null;
        }
        NamingConvention naming = new NamingConvention(factory.maxIdentifierLength());
        dataset = naming.normalizeIdentifier(dataset);
        if (fullRefreshSuffix != null) {
            // normalized again so that a name at the length limit is shortened the way loads shorten it
            dataset = naming.normalizeIdentifier(dataset + fullRefreshSuffix);
        }
        return dataset;
    }
}
