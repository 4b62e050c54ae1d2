package io.dltjdbc.driver;

import io.dltjdbc.config.CredentialField;
import io.dltjdbc.config.Credentials;
import io.dltjdbc.config.DltProperty;
import io.dltjdbc.config.DriverProperties;
import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.DestinationSettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
                request.pipeline, request.projectDir, request.config, request.credentialsObject, request.fullRefreshSuffix);
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
            if (field.name().equals(DriverProperties.FIELD) && value != null) {
                value = DriverProperties.masked(value); // sslpassword=... may be in it
            }
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

    /** dlt's global configuration directory: {@code $DLT_DATA_DIR}, else {@code ~/.dlt}. */
    static Path globalConfigDir() {
        String dataDir = System.getenv("DLT_DATA_DIR");
        if (dataDir != null && !dataDir.isEmpty()) {
            return Path.of(dataDir);
        }
        return Path.of(System.getProperty("user.home"), ".dlt");
    }
}
