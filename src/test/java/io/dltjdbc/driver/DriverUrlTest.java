package io.dltjdbc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.TempProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverUrlTest {
    @TempDir
    Path tmp;

    private static Driver driver() throws SQLException {
        return DriverManager.getDriver("jdbc:dlt:duckdb::memory:");
    }

    @Test
    void driverIsFoundThroughServiceLoaderWithoutClassForName() throws SQLException {
        assertEquals("io.dltjdbc.driver.DltDriver", driver().getClass().getName());
    }

    @Test
    void acceptsOnlyDltUrls() throws SQLException {
        assertTrue(driver().acceptsURL("jdbc:dlt:duckdb:"));
        assertTrue(driver().acceptsURL("jdbc:dlt:postgres://u@h/db"));
        assertFalse(driver().acceptsURL("jdbc:duckdb:"));
        assertFalse(driver().acceptsURL("jdbc:postgresql://h/db"));
        assertFalse(driver().acceptsURL(null));
    }

    @Test
    void connectReturnsNullForForeignUrl() throws SQLException {
        assertNull(driver().connect("jdbc:h2:mem:x", new Properties()));
    }

    @Test
    void versionIsNeverZero() throws SQLException {
        assertTrue(driver().getMajorVersion() + driver().getMinorVersion() > 0);
        assertEquals(1, driver().getMajorVersion());
    }

    @Test
    void inMemoryDuckDbConnects() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:");
             ResultSet rs = c.createStatement().executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void emptyLocationCreatesPipelineNamedFileInProjectDir() throws SQLException {
        TempProject project = new TempProject(tmp);
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:duckdb:?pipeline=chess_pipeline"))) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        assertTrue(Files.exists(tmp.resolve("chess_pipeline.duckdb")));
    }

    @Test
    void defaultPipelineNameIsDlt() throws SQLException {
        TempProject project = new TempProject(tmp);
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:duckdb:"))) {
            c.createStatement().execute("SELECT 1");
        }
        assertTrue(Files.exists(tmp.resolve("dlt.duckdb")));
    }

    @Test
    void relativePathCreatesParentDirectories() throws SQLException {
        TempProject project = new TempProject(tmp);
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:duckdb:files/nested/data.db"))) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        assertTrue(Files.exists(tmp.resolve("files/nested/data.db")));
    }

    @Test
    void absolutePathIsUsedAsIs() throws SQLException {
        Path file = tmp.resolve("abs/dir/database.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb:" + file)) {
            c.createStatement().execute("CREATE TABLE t (x INT)");
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void duckdbConnectionStringLocationIsRelativeToProject() throws SQLException {
        TempProject project = new TempProject(tmp);
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:duckdb:duckdb:///_storage/test_quack.duckdb"))) {
            c.createStatement().execute("SELECT 1");
        }
        assertTrue(Files.exists(tmp.resolve("_storage/test_quack.duckdb")));
    }

    @Test
    void duckdbConnectionStringWithFourSlashesIsAbsolute() throws SQLException {
        Path file = tmp.resolve("four/slashes.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb:duckdb:///" + file)) {
            c.createStatement().execute("SELECT 1");
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void twoConnectionsToOneFileShareTheDatabase() throws SQLException {
        String url = "jdbc:dlt:duckdb:" + tmp.resolve("shared.duckdb");
        try (Connection first = DriverManager.getConnection(url);
             Connection second = DriverManager.getConnection(url)) {
            first.createStatement().execute("CREATE TABLE seen (x INT)");
            first.createStatement().execute("INSERT INTO seen VALUES (7)");
            try (ResultSet rs = second.createStatement().executeQuery("SELECT x FROM seen")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
        }
        // and after both closed the file is free again for a new instance
        try (Connection again = DriverManager.getConnection(url);
             ResultSet rs = again.createStatement().executeQuery("SELECT count(*) FROM seen")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void datasetBecomesDefaultSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=sales");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INT)");
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_schema FROM information_schema.tables WHERE table_name = 'orders'")) {
                assertTrue(rs.next());
                assertEquals("sales", rs.getString(1));
            }
            assertEquals("sales", c.getSchema());
        }
    }

    @Test
    void datasetIsNormalizedAsLoadsNormalizeItSoQueriesFindLoadedTables() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=MyDS");
             Statement s = c.createStatement()) {
            assertEquals("my_ds", c.getSchema());
            s.execute("LOAD PIPELINE pnd FROM JSON '[{\"id\": 1}]' INTO t");
            try (ResultSet rs = s.executeQuery("SELECT id FROM t")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'MyDS'")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "no stray un-normalized schema");
            }
        }
    }

    @Test
    void dataSourceDatasetIsNormalizedToo() throws SQLException {
        io.dltjdbc.DltDataSource ds = new io.dltjdbc.DltDataSource();
        ds.setDestination("duckdb");
        ds.setLocation(":memory:");
        ds.setDataset("My DS");
        try (Connection c = ds.getConnection()) {
            assertEquals("my_ds", c.getSchema());
        }
    }

    @Test
    void setSchemaSwitchesDataset() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:")) {
            c.setSchema("other");
            c.createStatement().execute("CREATE TABLE t (x INT)");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM other.t")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void fullRefreshSuffixesDatasetWithTimestamp() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=ds&full_refresh=true")) {
            assertTrue(c.getSchema().matches("ds_\\d{14}"), c.getSchema());
        }
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=Sales&full_refresh=true")) {
            assertTrue(c.getSchema().matches("sales_\\d{14}"), c.getSchema());
        }
    }

    private static String loadedDataset(Statement s, String load) throws SQLException {
        s.execute(load);
        try (ResultSet rs = s.getResultSet()) {
            assertTrue(rs.next());
            return rs.getString("dataset_name");
        }
    }

    @Test
    void fullRefreshInTheUrlSuffixesTheDefaultPipelineDatasetOncePerConnection() throws SQLException {
        String url = "jdbc:dlt:duckdb:" + tmp.resolve("fr.duckdb") + "?full_refresh=true";
        String first;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            first = loadedDataset(s, "LOAD PIPELINE pfr FROM JSON '[{\"id\": 1}]' INTO t");
            assertTrue(first.matches("pfr_dataset_\\d{14}"), first);
            assertEquals(first, loadedDataset(s, "LOAD PIPELINE pfr FROM JSON '[{\"id\": 2}]' INTO t"));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            String again = loadedDataset(s, "LOAD PIPELINE pfr FROM JSON '[{\"id\": 3}]' INTO t");
            assertTrue(again.matches("pfr_dataset_\\d{14}"), "a fresh dataset, not the earlier one suffixed again: " + again);
        }
    }

    @Test
    void fullRefreshInTheUrlPutsIntoDatasetWhereTheConnectionDatasetIs() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=ds&full_refresh=true");
             Statement s = c.createStatement()) {
            assertEquals(c.getSchema(), loadedDataset(s, "LOAD PIPELINE pfr FROM JSON '[{\"id\": 1}]' INTO t"));
            assertEquals(c.getSchema(), loadedDataset(s, "LOAD PIPELINE pfr FROM JSON '[{\"id\": 1}]' INTO ds.t2"));
        }
    }

    @Test
    void unknownDestinationListsValidOnes() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:dlt:snowflake:"));
        assertTrue(e.getMessage().contains("snowflake"), e.getMessage());
        assertTrue(e.getMessage().contains("duckdb, postgres, redshift, bigquery"), e.getMessage());
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void unknownUrlKeyIsNamedWithTheValidKeys() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:dlt:duckdb::memory:?datset=x"));
        assertTrue(e.getMessage().contains("'datset'"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset"), e.getMessage());
    }

    @Test
    void unknownPropertyKeyIsRejected() {
        Properties properties = new Properties();
        properties.setProperty("colour", "blue");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:dlt:duckdb::memory:", properties));
        assertTrue(e.getMessage().contains("'colour'"), e.getMessage());
    }

    @Test
    void toolUserAndPasswordAreIgnoredForDuckDb() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "");
        properties.setProperty("password", "");
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:", properties)) {
            assertFalse(c.isClosed());
        }
    }

    @Test
    void userAndPasswordInTheUrlQueryMeanTheSameAsProperties() throws SQLException {
        String url = new TempProject(tmp).url("jdbc:dlt:postgres://h/db?user=u&password=p");
        DriverPropertyInfo[] infos = driver().getPropertyInfo(url, new Properties());
        assertEquals("u", value(infos, "username"));
        assertEquals("***", value(infos, "password"));
        assertTrue(Arrays.stream(infos).filter(i -> i.name.equals("password")).findFirst().orElseThrow()
                .description.contains("URL query"));
    }

    @Test
    void userAndPasswordInTheUrlQueryAreIgnoredForDuckDbLikeProperties() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?user=u&password=p")) {
            assertFalse(c.isClosed());
        }
    }

    @Test
    void usernameBeatsUserGivenInTheSamePlace() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "tool_user");
        properties.setProperty("username", "dlt_user");
        String url = new TempProject(tmp).url("jdbc:dlt:postgres://h/db");
        assertEquals("dlt_user", value(driver().getPropertyInfo(url, properties), "username"));
        assertEquals("dlt_user", value(driver().getPropertyInfo(url + "&user=a&username=dlt_user", new Properties()), "username"));
    }

    @Test
    void emptyUserAndPasswordFromAToolDoNotHideConfiguredCredentials() throws SQLException {
        TempProject project = new TempProject(tmp).secrets("[destination.postgres.credentials]\nusername = \"loader\"\n"
                + "password = \"from-file\"\n");
        Properties properties = new Properties();
        properties.setProperty("user", "");
        properties.setProperty("password", "");
        DriverPropertyInfo[] infos = driver().getPropertyInfo(project.url("jdbc:dlt:postgres://h/db"), properties);
        assertEquals("loader", value(infos, "username"));
        assertEquals("***", value(infos, "password"));
    }

    @Test
    void propertyInfoListsEveryKeyAndMarksRequiredOnes() throws SQLException {
        DriverPropertyInfo[] infos = driver().getPropertyInfo("jdbc:dlt:postgres:", new Properties());
        assertEquals(Arrays.asList("dataset", "pipeline", "project_dir", "full_refresh",
                "database", "username", "password", "host", "port", "connect_timeout", "driver_properties"),
                Arrays.stream(infos).map(i -> i.name).toList());
        DriverPropertyInfo password = Arrays.stream(infos).filter(i -> i.name.equals("password")).findFirst().orElseThrow();
        assertTrue(password.required);
        DriverPropertyInfo port = Arrays.stream(infos).filter(i -> i.name.equals("port")).findFirst().orElseThrow();
        assertFalse(port.required);
        assertEquals("5432", port.value);
    }

    @Test
    void propertyInfoOfRedshiftUsesItsPort() throws SQLException {
        DriverPropertyInfo[] infos = driver().getPropertyInfo("jdbc:dlt:redshift:", new Properties());
        assertEquals("5439", Arrays.stream(infos).filter(i -> i.name.equals("port")).findFirst().orElseThrow().value);
    }

    @Test
    void propertyInfoOfBigQueryTakesProjectFromLocation() throws SQLException {
        DriverPropertyInfo[] infos = driver().getPropertyInfo("jdbc:dlt:bigquery:my-project", new Properties());
        assertEquals("my-project", Arrays.stream(infos).filter(i -> i.name.equals("project_id")).findFirst().orElseThrow().value);
        assertEquals("US", Arrays.stream(infos).filter(i -> i.name.equals("location")).findFirst().orElseThrow().value);
    }

    @Test
    void postgresUrlFormsParseIntoCredentialFields() throws SQLException {
        for (String url : new String[] {"jdbc:dlt:postgres://loader:pw@db.example:6543/dlt_data",
                "jdbc:dlt:postgres:postgresql://loader:pw@db.example:6543/dlt_data"}) {
            DriverPropertyInfo[] infos = driver().getPropertyInfo(url, new Properties());
            assertEquals("loader", value(infos, "username"));
            assertEquals("***", value(infos, "password"));
            assertEquals("db.example", value(infos, "host"));
            assertEquals("6543", value(infos, "port"));
            assertEquals("dlt_data", value(infos, "database"));
        }
    }

    static String value(DriverPropertyInfo[] infos, String name) {
        return Arrays.stream(infos).filter(i -> i.name.equals(name)).findFirst().orElseThrow().value;
    }
}
