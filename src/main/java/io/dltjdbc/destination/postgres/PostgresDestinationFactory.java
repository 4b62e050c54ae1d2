package io.dltjdbc.destination.postgres;

import io.dltjdbc.config.CredentialField;
import io.dltjdbc.config.Credentials;
import io.dltjdbc.destination.Destination;
import io.dltjdbc.destination.DestinationFactory;
import io.dltjdbc.destination.DestinationSettings;
import io.dltjdbc.destination.ServerConnectionString;
import io.dltjdbc.driver.DltSqlState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL through pgjdbc. Credentials are dlt's ({@code database, username, password, host, port,
 * connect_timeout}); {@code driver_properties} ({@code key=value;key=value}) passes extra properties to
 * the vendor driver (e.g. {@code sslmode=require}, or a {@code socketFactory}).
 */
public class PostgresDestinationFactory implements DestinationFactory {
    public static final String DRIVER_PROPERTIES = "driver_properties";

    @Override
    public String name() {
        return "postgres";
    }

    protected String defaultPort() {
        return "5432";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.required("database", "database name"),
                CredentialField.required("username", "user name"),
                CredentialField.secret("password", true, "password"),
                CredentialField.required("host", "server host name"),
                CredentialField.optional("port", defaultPort(), "server port"),
                CredentialField.optional("connect_timeout", "15", "seconds to wait for a connection"),
                CredentialField.optional(DRIVER_PROPERTIES, null,
                        "extra properties for the vendor JDBC driver, key=value;key=value (e.g. sslmode=require)"));
    }

    @Override
    public Map<String, String> parseConnectionString(String text) {
        return ServerConnectionString.parse(text);
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public Destination open(DestinationSettings settings) throws SQLException {
        Credentials credentials = settings.credentials();
        for (CredentialField field : credentialFields()) {
            if (field.required()) {
                credentials.require(field.name());
            }
        }
        ServerTarget target = new ServerTarget(name(), credentials.require("host"), integer(credentials, "port"),
                credentials.require("database"), credentials.require("username"), credentials.secretValues());
        int timeout = integer(credentials, "connect_timeout");
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", credentials.require("password"));
        properties.setProperty("connectTimeout", Integer.toString(timeout));
        properties.setProperty("loginTimeout", Integer.toString(timeout));
        properties.setProperty("ApplicationName", "dlt-jdbc");
        defaultProperties(properties);
        properties.putAll(driverProperties(credentials.get(DRIVER_PROPERTIES).orElse(null)));
        Connection connection;
        try {
            connection = connect(target, properties);
        } catch (SQLException e) {
            throw target.wrap("cannot connect", e);
        }
        if (connection == null) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception("the " + name() + " driver refused its URL (" + target.describe() + ")");
        }
        return newDestination(connection, target);
    }

    /** Driver properties the destination sets unless {@code driver_properties} overrides them. */
    protected void defaultProperties(Properties properties) {
        // pgjdbc's defaults are right for PostgreSQL
    }

    protected Connection connect(ServerTarget target, Properties properties) throws SQLException {
        return new org.postgresql.Driver().connect(
                "jdbc:postgresql://" + urlHost(target.host()) + ":" + target.port() + "/" + target.database(), properties);
    }

    protected Destination newDestination(Connection connection, ServerTarget target) {
        return new PostgresDestination(connection, target);
    }

    protected static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private int integer(Credentials credentials, String key) throws SQLException {
        String value = credentials.require(key).trim();
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("credential '" + key + "' of destination " + name()
                    + " must be a non-negative whole number, not '" + value + "'");
        }
    }

    /** {@code key=value;key=value} (also comma or newline separated) into driver Properties. */
    static Properties driverProperties(String text) throws SQLException {
        Properties properties = new Properties();
        if (text == null || text.isBlank()) {
            return properties;
        }
        for (String pair : text.split("[;,\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw DltSqlState.INVALID_PARAMETER_VALUE.exception("credential '" + DRIVER_PROPERTIES
                        + "' must be key=value pairs separated by ';', found an entry without '=' (" + pair.length() + " characters)");
            }
            properties.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return properties;
    }
}
