package io.dltjdbc.driver;

import io.dltjdbc.config.ConfigResolver;
import io.dltjdbc.config.CredentialField;
import io.dltjdbc.config.Credentials;
import io.dltjdbc.config.CredentialsResolver;
import io.dltjdbc.config.DltProperty;
import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.DestinationSettings;
import io.dltjdbc.destination.Destinations;
import io.dltjdbc.pipeline.PipelineCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The {@code jdbc:dlt:} driver. Registered through {@code META-INF/services/java.sql.Driver}, so
 * {@code DriverManager.getConnection("jdbc:dlt:duckdb::memory:")} works with no {@code Class.forName}.
 */
public final class DltDriver implements Driver {
    public static final String NAME = "dlt-jdbc";
    public static final String VERSION = readVersion();
    public static final int MAJOR_VERSION = versionPart(0);
    public static final int MINOR_VERSION = versionPart(1);

    /** Keys a JDBC tool passes on its own (user/password fields); for a destination without them they are ignored. */
    private static final Set<String> TOOL_KEYS = Set.of("user", "password");
    private static final String CREDENTIALS_OBJECT = "credentials";

    static {
        try {
            DriverManager.registerDriver(new DltDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return DltUrl.accepts(url);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: another driver's URL
        }
        ConnectionRequest request = ConnectionRequest.of(url, info);
        Credentials credentials = request.credentials();
        DestinationSettings settings = new DestinationSettings(request.factory.name(), credentials, request.dataset(),
                request.pipeline, request.projectDir, request.config, request.credentialsObject);
        Destination destination;
        try {
            destination = request.factory.open(settings);
        } catch (SQLException e) {
            throw scrubbed(e, credentials.secretValues());
        }
        try {
            if (settings.dataset() != null) {
                destination.useDataset(settings.dataset());
            }
            return new DltConnection(request.url, request.factory, destination, settings, new PipelineCommands(),
                    credentials.secretValues());
        } catch (SQLException | RuntimeException e) {
            destination.close();
            throw e;
        }
    }

    /** Lists every key the URL's destination takes, with the value it resolves to now and where it came from. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        ConnectionRequest request = ConnectionRequest.of(url, info);
        List<DriverPropertyInfo> out = new ArrayList<>();
        for (DltProperty property : DltProperty.values()) {
            out.add(property.toDriverPropertyInfo(property.get(request.url.query(), request.properties)));
        }
        Credentials credentials = request.credentials();
        for (CredentialField field : request.factory.credentialFields()) {
            String value = credentials.get(field.name()).orElse(null);
            DriverPropertyInfo property = new DriverPropertyInfo(field.name(),
                    field.secret() && value != null ? Redaction.MASK : value);
            property.required = field.required();
            property.description = field.description()
                    + credentials.origin(field.name()).map(origin -> " (now from " + origin + ")").orElse("");
            out.add(property);
        }
        return out.toArray(new DriverPropertyInfo[0]);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    @Override
    public boolean jdbcCompliant() {
        return false; // SQL support is the destination's, not full SQL-92 everywhere
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("io.dltjdbc");
    }

    private static SQLException scrubbed(SQLException e, List<String> secrets) {
        String message = Redaction.maskValues(e.getMessage(), secrets);
        boolean causeLeaks = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            for (String secret : secrets) {
                causeLeaks |= secret != null && secret.length() >= 3 && text.contains(secret);
            }
        }
        SQLException clean = new SQLException(message, e.getSQLState(), e.getErrorCode(), causeLeaks ? null : e);
        if (causeLeaks) {
            clean.setStackTrace(e.getStackTrace());
        }
        return clean;
    }

    private static String readVersion() {
        try (InputStream in = DltDriver.class.getResourceAsStream("/io/dltjdbc/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "1.0.0");
            return version.startsWith("$") ? "1.0.0" : version;
        } catch (IOException e) {
            return "1.0.0";
        }
    }

    private static int versionPart(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return Integer.parseInt(parts[index]);
        } catch (RuntimeException e) {
            return index == 0 ? 1 : 0;
        }
    }

    /** A URL plus Properties, checked and resolved as far as possible without opening anything. */
    private static final class ConnectionRequest {
        DltUrl url;
        DestinationFactory factory;
        Properties properties;
        Map<String, String> credentialProperties;
        Object credentialsObject;
        String pipeline;
        Path projectDir;
        ConfigResolver config;

        static ConnectionRequest of(String url, Properties info) throws SQLException {
            ConnectionRequest request = new ConnectionRequest();
            request.url = DltUrl.parse(url);
            request.factory = Destinations.byName(request.url.destination());
            request.properties = info == null ? new Properties() : info;
            Set<String> credentialKeys = new TreeSet<>();
            for (CredentialField field : request.factory.credentialFields()) {
                credentialKeys.add(field.name());
            }
            for (String key : request.url.query().keySet()) {
                checkKey(key, "URL query", request.factory, credentialKeys);
            }
            request.credentialProperties = new LinkedHashMap<>();
            for (String key : request.properties.stringPropertyNames()) {
                String value = request.properties.getProperty(key);
                if (DltProperty.byKey(key) != null) {
                    continue;
                }
                if (key.equals("user") && credentialKeys.contains("username")) {
                    request.credentialProperties.put("username", value);
                } else if (credentialKeys.contains(key)) {
                    request.credentialProperties.put(key, value);
                } else if (!TOOL_KEYS.contains(key)) {
                    checkKey(key, "JDBC Properties", request.factory, credentialKeys);
                }
            }
            request.credentialsObject = request.properties.get(CREDENTIALS_OBJECT);
            if (request.credentialsObject instanceof String text) {
                // a whole connection string given as a property: same as the URL location
                try {
                    request.credentialProperties.putAll(safeParse(request.factory, "JDBC Properties key 'credentials'").apply(text));
                } catch (MalformedConnectionString e) {
                    throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(e.getMessage());
                }
                request.credentialsObject = null;
            }
            request.pipeline = DltProperty.PIPELINE.get(request.url.query(), request.properties);
            String projectDir = DltProperty.PROJECT_DIR.get(request.url.query(), request.properties);
            request.projectDir = Path.of(projectDir == null ? "" : projectDir).toAbsolutePath().normalize();
            request.config = ConfigResolver.standard(request.projectDir, globalConfigDir(), System.getenv(), request.pipeline);
            return request;
        }

        Credentials credentials() throws SQLException {
            Map<String, String> query = new LinkedHashMap<>(url.query());
            for (DltProperty property : DltProperty.values()) {
                query.remove(property.key());
            }
            CredentialsResolver resolver = new CredentialsResolver(factory.name(), factory.credentialFields(),
                    safeParse(factory, "the connection string"));
            try {
                return resolver.resolve(query, url.location(), credentialProperties, config);
            } catch (MalformedConnectionString e) {
                throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(e.getMessage());
            }
        }

        String dataset() {
            String dataset = DltProperty.DATASET.get(url.query(), properties);
            if (dataset != null && Boolean.parseBoolean(DltProperty.FULL_REFRESH.get(url.query(), properties))) {
                dataset = dataset + "_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            }
            return dataset;
        }

        private static void checkKey(String key, String where, DestinationFactory factory, Set<String> credentialKeys)
                throws SQLException {
            if (DltProperty.byKey(key) != null || credentialKeys.contains(key)) {
                return;
            }
            Set<String> valid = new TreeSet<>(credentialKeys);
            for (DltProperty property : DltProperty.values()) {
                valid.add(property.key());
            }
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("unknown " + where + " key '" + key + "' for destination "
                    + factory.name() + "; valid keys: " + String.join(", ", valid));
        }
    }

    /** Wraps a destination's connection-string parser so that a parse failure names the place, never the text. */
    private static Function<String, Map<String, String>> safeParse(DestinationFactory factory, String origin) {
        return text -> {
            try {
                return factory.parseConnectionString(text);
            } catch (IllegalArgumentException e) {
                throw new MalformedConnectionString("malformed " + factory.name() + " connection string in " + origin + ": "
                        + e.getMessage());
            }
        };
    }

    private static final class MalformedConnectionString extends IllegalArgumentException {
        MalformedConnectionString(String message) {
            super(message);
        }
    }

    /** dlt's global configuration directory: {@code $DLT_DATA_DIR}, else {@code ~/.dlt}. */
    static Path globalConfigDir() {
        String dataDir = System.getenv("DLT_DATA_DIR");
        if (dataDir != null && !dataDir.isEmpty()) {
            return Path.of(dataDir);
        }
        return Path.of(System.getProperty("user.home"), ".dlt");
    }
}
