package io.dltjdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import io.dltjdbc.testkit.TempProject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query of a connection string ({@code postgresql://u:pw@h/db?sslmode=require&connect_timeout=5}): dlt's keys
 * become fields, every other key reaches the vendor driver through driver_properties, never dropped.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ConnectionStringQueryKeysTest {
    @TempDir
    Path tmp;

    private static String value(String url, Properties properties, String key) throws SQLException {
        DriverPropertyInfo[] infos = DriverManager.getDriver(url).getPropertyInfo(url, properties);
        return Arrays.stream(infos).filter(i -> i.name.equals(key)).findFirst().orElseThrow().value;
    }

    private static String server(EmbeddedPostgresServer pg) {
        return "//" + EmbeddedPostgresServer.USER + "@" + pg.host() + ":" + pg.port() + "/" + EmbeddedPostgresServer.DATABASE;
    }

    private static Properties password() {
        Properties properties = new Properties();
        properties.setProperty("password", EmbeddedPostgresServer.PASSWORD);
        return properties;
    }

    @Test
    void dltKeysOfATomlConnectionStringAreFieldsAndTheRestAreDriverProperties() throws SQLException {
        TempProject project = new TempProject(tmp).secrets("destination.postgres.credentials = "
                + "\"postgresql://u:pw@h:5432/db?sslmode=require&connect_timeout=5&application_name=etl&sslrootcert=%2Fca.pem\"\n");
        String url = project.url("jdbc:dlt:postgres:");
        assertEquals("5", value(url, new Properties(), "connect_timeout"));
        assertEquals("sslmode=require;ApplicationName=etl;sslrootcert=/ca.pem", value(url, new Properties(), "driver_properties"));
    }

    @Test
    void sslmodeOfATomlConnectionStringReachesPgjdbc(EmbeddedPostgresServer pg) throws SQLException {
        TempProject project = new TempProject(tmp).secrets("destination.postgres.credentials = \"postgresql:" + server(pg)
                + "?sslmode=require\"\n");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(project.url("jdbc:dlt:postgres:"), password()).close());
        assertTrue(e.getMessage().contains("SSL"), "the embedded server has no SSL, so require must fail: " + e.getMessage());
        TempProject plain = new TempProject(tmp.resolve("plain")).secrets("destination.postgres.credentials = \"postgresql:"
                + server(pg) + "?sslmode=disable\"\n");
        try (Connection c = DriverManager.getConnection(plain.url("jdbc:dlt:postgres:"), password())) {
            assertFalse(c.isClosed());
        }
    }

    @Test
    void sslmodeInTheUrlLocationReachesPgjdbcInsteadOfFailingAsAnUnknownKey(EmbeddedPostgresServer pg) throws SQLException {
        String url = "jdbc:dlt:postgres:" + server(pg) + "?sslmode=require&dataset=ssl_ds&project_dir=" + tmp;
        assertEquals("sslmode=require", value(url, password(), "driver_properties"));
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, password()).close());
        assertTrue(e.getMessage().contains("SSL"), e.getMessage());
        try (Connection c = DriverManager.getConnection(url.replace("require", "disable"), password())) {
            assertEquals("ssl_ds", c.getSchema());
        }
    }

    @Test
    void driverPropertiesFromSeveralPlacesAreMergedTheEarlierPlaceWinningAKey() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("driver_properties", "loginTimeout=3;sslmode=disable");
        String url = "jdbc:dlt:postgres://u@h/db?sslmode=require&project_dir=" + tmp;
        assertEquals("sslmode=require;loginTimeout=3", value(url, properties, "driver_properties"));
    }

    @Test
    void secretDriverPropertiesAreMaskedInPropertyInfoAndTheUrl() throws SQLException {
        String url = "jdbc:dlt:postgres://u@h/db?sslmode=verify-full&sslpassword=Top5ecretKeyPass&project_dir=" + tmp;
        assertEquals("sslmode=verify-full;sslpassword=***", value(url, new Properties(), "driver_properties"));
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url.replace("//u@h/", "//u:pw@127.0.0.1:1/")));
        assertFalse(e.getMessage().contains("Top5ecretKeyPass"), e.getMessage());
    }

    @Test
    void aDriverPropertyWithoutAConnectionStringIsStillAnUnknownKey() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:dlt:postgres:?host=h&sslmode=require&project_dir=" + tmp));
        assertTrue(e.getMessage().contains("unknown URL query key 'sslmode'"), e.getMessage());
        assertTrue(e.getMessage().contains("driver_properties"), e.getMessage());
    }
}
