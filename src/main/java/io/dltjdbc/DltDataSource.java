package io.dltjdbc;

import io.dltjdbc.driver.DltDriver;
import io.dltjdbc.driver.DltSqlState;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for dlt connections, for pools and frameworks (HikariCP {@code dataSourceClassName},
 * Spring): bean properties build the {@code jdbc:dlt:<destination>:<location>} URL and the JDBC
 * {@link Properties} and hand them to {@link DltDriver}. Every key the URL query takes can be set with
 * {@link #setProperty}; credentials with {@link #setCredential} (or {@code getConnection(user, password)}),
 * so secrets never enter the URL. Connections to one DuckDB file share one database instance.
 *
 * <pre>{@code
 * DltDataSource ds = new DltDataSource();
 * ds.setDestination("duckdb");
 * ds.setLocation("/data/analytics.duckdb");
 * ds.setDataset("chess_data");
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 */
public class DltDataSource implements DataSource {
    private static final DltDriver DRIVER = new DltDriver();

    private String destination;
    private String location = "";
    private final Properties properties = new Properties();
    private int loginTimeout;
    private PrintWriter logWriter;

    public String getDestination() {
        return destination;
    }

    /** {@code duckdb}, {@code postgres}, {@code redshift} or {@code bigquery}. */
    public void setDestination(String destination) {
        this.destination = destination == null ? null : destination.strip().toLowerCase(Locale.ROOT);
    }

    public String getLocation() {
        return location;
    }

    /** The URL's location: a DuckDB file or {@code :memory:}, {@code //host:port/database}, a BigQuery project; empty for the default. */
    public void setLocation(String location) {
        this.location = location == null ? "" : location;
    }

    public String getDataset() {
        return properties.getProperty("dataset");
    }

    public void setDataset(String dataset) {
        setProperty("dataset", dataset);
    }

    public String getPipeline() {
        return properties.getProperty("pipeline");
    }

    public void setPipeline(String pipeline) {
        setProperty("pipeline", pipeline);
    }

    public String getProjectDir() {
        return properties.getProperty("project_dir");
    }

    /** Where {@code .dlt/config.toml} and {@code secrets.toml} are looked for. */
    public void setProjectDir(String projectDir) {
        setProperty("project_dir", projectDir);
    }

    public String getUser() {
        return properties.getProperty("user");
    }

    public void setUser(String user) {
        setProperty("user", user);
    }

    public void setPassword(String password) {
        setProperty("password", password);
    }

    /** Any key a {@code jdbc:dlt:} URL query takes ({@code full_refresh}, {@code host}, {@code port} ...); null removes it. */
    public void setProperty(String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
    }

    public String getProperty(String key) {
        return properties.getProperty(key);
    }

    /** A credential field of the destination ({@code password}, {@code host}, {@code credentials_file} ...). */
    public void setCredential(String key, String value) {
        setProperty(key, value);
    }

    /** The URL handed to the driver (no credentials: those travel as Properties). */
    public String getUrl() {
        return "jdbc:dlt:" + destination + ":" + location;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(new Properties());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties extra = new Properties();
        if (username != null) {
            extra.setProperty("user", username);
        }
        if (password != null) {
            extra.setProperty("password", password);
        }
        return connect(extra);
    }

    private Connection connect(Properties extra) throws SQLException {
        if (destination == null || destination.isEmpty()) {
            throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(
                    "DltDataSource: set the destination (duckdb, postgres, redshift or bigquery) before getConnection()");
        }
        Properties info = new Properties();
        synchronized (properties) {
            info.putAll(properties);
        }
        info.putAll(extra);
        if (loginTimeout > 0 && (destination.equals("postgres") || destination.equals("redshift"))
                && !info.containsKey("connect_timeout")) {
            info.setProperty("connect_timeout", Integer.toString(loginTimeout));
        }
        return DRIVER.connect(getUrl(), info);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Seconds; for Postgres and Redshift it becomes {@code connect_timeout} unless that is set. 0: the default. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = Math.max(0, seconds);
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.dltjdbc");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("DltDataSource is not an instance of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DltDataSource[" + getUrl() + "]";
    }
}
