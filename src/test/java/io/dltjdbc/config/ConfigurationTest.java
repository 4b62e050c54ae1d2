package io.dltjdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.ChildJvm;
import io.dltjdbc.testkit.PropertyInfoProbe;
import io.dltjdbc.testkit.TempProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2: every provider, their precedence, and the errors a user sees. Through DriverManager only. */
class ConfigurationTest {
    @TempDir
    Path tmp;

    private static final String PG_SECTION = "[destination.postgres.credentials]\n";

    private String info(String url, Properties properties, String key) throws SQLException {
        DriverPropertyInfo[] infos = DriverManager.getDriver(url).getPropertyInfo(url, properties);
        return Arrays.stream(infos).filter(i -> i.name.equals(key)).findFirst().orElseThrow().value;
    }

    private String origin(String url, String key) throws SQLException {
        DriverPropertyInfo[] infos = DriverManager.getDriver(url).getPropertyInfo(url, new Properties());
        return Arrays.stream(infos).filter(i -> i.name.equals(key)).findFirst().orElseThrow().description;
    }

    @Test
    void secretsTomlProvidesCredentialFields() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION + "host = \"from-secrets\"\nport = 6000\n");
        String url = project.url("jdbc:dlt:postgres:");
        assertEquals("from-secrets", info(url, new Properties(), "host"));
        assertEquals("6000", info(url, new Properties(), "port"));
        assertTrue(origin(url, "host").contains("secrets.toml"), origin(url, "host"));
    }

    @Test
    void configTomlIsReadAfterSecretsToml() throws SQLException {
        TempProject project = new TempProject(tmp)
                .secrets(PG_SECTION + "host = \"from-secrets\"\n")
                .config(PG_SECTION + "host = \"from-config\"\ndatabase = \"config_db\"\n");
        String url = project.url("jdbc:dlt:postgres:");
        assertEquals("from-secrets", info(url, new Properties(), "host"));
        assertEquals("config_db", info(url, new Properties(), "database"));
    }

    @Test
    void urlQueryBeatsPropertiesWhichBeatFiles() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION + "host = \"from-secrets\"\nusername = \"file_user\"\n");
        Properties properties = new Properties();
        properties.setProperty("host", "from-properties");
        properties.setProperty("user", "prop_user");
        assertEquals("from-query", info(project.url("jdbc:dlt:postgres:?host=from-query"), properties, "host"));
        assertEquals("from-properties", info(project.url("jdbc:dlt:postgres:"), properties, "host"));
        assertEquals("prop_user", info(project.url("jdbc:dlt:postgres:"), properties, "username"));
    }

    @Test
    void urlLocationBeatsPropertiesButNotQueryKeys() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("host", "from-properties");
        String url = "jdbc:dlt:postgres://u@from-location:5433/db";
        assertEquals("from-location", info(url, properties, "host"));
        assertEquals("from-query", info(url + "?host=from-query", properties, "host"));
    }

    @Test
    void pipelineScopedSectionOverridesUnscoped() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION + "host = \"general\"\n"
                + "[chess.destination.postgres.credentials]\nhost = \"scoped\"\n");
        assertEquals("scoped", info(project.url("jdbc:dlt:postgres:?pipeline=chess"), new Properties(), "host"));
        assertEquals("general", info(project.url("jdbc:dlt:postgres:?pipeline=other"), new Properties(), "host"));
    }

    @Test
    void wholeConnectionStringInTomlFillsFields() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(
                "[destination.postgres]\ncredentials = \"postgresql://loader:s3cret@dbhost:5544/dlt_data\"\n");
        String url = project.url("jdbc:dlt:postgres:");
        assertEquals("dbhost", info(url, new Properties(), "host"));
        assertEquals("loader", info(url, new Properties(), "username"));
        assertEquals("5544", info(url, new Properties(), "port"));
        assertEquals("***", info(url, new Properties(), "password"));
    }

    @Test
    void duckdbConnectionStringInSecretsTomlChoosesTheFile() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(
                "destination.duckdb.credentials=\"duckdb:///_storage/test_quack.duckdb\"\n");
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:duckdb:"))) {
            c.createStatement().execute("SELECT 1");
        }
        assertTrue(Files.exists(tmp.resolve("_storage/test_quack.duckdb")));
    }

    @Test
    void duckdbDatabaseFieldInSecretsToml() throws SQLException {
        TempProject project = new TempProject(tmp).secrets("[destination.duckdb.credentials]\ndatabase = \"fromtoml.duckdb\"\n");
        try (Connection c = DriverManager.getConnection(project.url("jdbc:dlt:duckdb:"))) {
            c.createStatement().execute("SELECT 1");
        }
        assertTrue(Files.exists(tmp.resolve("fromtoml.duckdb")));
    }

    @Test
    void existingDuckDbConnectionAsCredentialsProperty() throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:duckdb:")) {
            raw.createStatement().execute("CREATE TABLE given (x INT)");
            raw.createStatement().execute("INSERT INTO given VALUES (5)");
            Properties properties = new Properties();
            properties.put("credentials", raw);
            try (Connection c = DriverManager.getConnection("jdbc:dlt:duckdb:", properties);
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT x FROM given")) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
            assertFalse(raw.isClosed(), "closing the dlt connection must not close the caller's connection");
        }
    }

    @Test
    void missingRequiredFieldNamesEveryPlaceAndTheTomlLine() {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION + "host = \"h\"\ndatabase = \"d\"\nusername = \"u\"\n");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(project.url("jdbc:dlt:postgres:")));
        String message = e.getMessage();
        assertTrue(message.contains("'password'"), message);
        assertTrue(message.contains("DESTINATION__POSTGRES__CREDENTIALS__PASSWORD"), message);
        assertTrue(message.contains("DLT__DESTINATION__POSTGRES__CREDENTIALS__PASSWORD"), message);
        assertTrue(message.contains(tmp.resolve(".dlt/secrets.toml").toString()), message);
        assertTrue(message.contains("config.toml"), message);
        assertTrue(message.contains("[destination.postgres.credentials]\npassword = "), message);
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void placeholderValueCountsAsMissing() {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION
                + "database = \"dlt_data\"\nusername = \"loader\"\nhost = \"localhost\"\npassword = \"<configure me>\"\n");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(project.url("jdbc:dlt:postgres:")));
        assertTrue(e.getMessage().contains("needs credential 'password'"), e.getMessage());
    }

    @Test
    void pleaseSetMeUpPlaceholderCountsAsMissing() {
        TempProject project = new TempProject(tmp).secrets("[destination.bigquery.credentials]\n"
                + "project_id = \"project_id\" # please set me up!\n".replace("\"project_id\" #", "\"please set me up!\" #"));
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(project.url("jdbc:dlt:bigquery:")));
        assertTrue(e.getMessage().contains("needs credential 'project_id'"), e.getMessage());
    }

    @Test
    void dltInitPlaceholderCommentCountsAsMissing() {
        TempProject project = new TempProject(tmp).secrets("[destination.bigquery]\nlocation = \"US\"\n\n"
                + "[destination.bigquery.credentials]\nproject_id = \"project_id\" # please set me up!\n"
                + "private_key = \"private_key\" # please set me up!\nclient_email = \"client_email\" # please set me up!\n");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(project.url("jdbc:dlt:bigquery:")));
        assertTrue(e.getMessage().contains("needs credential 'project_id'"), e.getMessage());
    }

    @Test
    void destinationLevelSettingBesideCredentialsIsRead() throws SQLException {
        TempProject project = new TempProject(tmp).secrets("[destination.bigquery]\nlocation = \"EU\"\n");
        assertEquals("EU", info(project.url("jdbc:dlt:bigquery:proj"), new Properties(), "location"));
    }

    @Test
    void malformedSecretsTomlNamesFileAndLine() {
        TempProject project = new TempProject(tmp).secrets("[destination.duckdb.credentials]\ndatabase = \"x.duckdb\"\nbroken = = 3\n");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(project.url("jdbc:dlt:duckdb:")));
        assertTrue(e.getMessage().contains(tmp.resolve(".dlt/secrets.toml").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void unreadableSecretsTomlNamesTheFile() throws Exception {
        Files.createDirectories(tmp.resolve(".dlt/secrets.toml")); // a directory where the file should be: unreadable as a file
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(new TempProject(tmp).url("jdbc:dlt:duckdb:")));
        assertTrue(e.getMessage().contains("cannot read " + tmp.resolve(".dlt/secrets.toml")), e.getMessage());
    }

    @Test
    void databaseDirectoryThatCannotBeCreatedIsAClearError() throws Exception {
        Path blocker = tmp.resolve("not-a-dir");
        Files.writeString(blocker, "a file where a directory should be");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:dlt:duckdb:" + blocker.resolve("sub/db.duckdb")));
        assertTrue(e.getMessage().contains("cannot create the directory " + blocker.resolve("sub")), e.getMessage());
    }

    @Test
    void environmentVariablesBeatFilesAndPipelineScopedBeatsUnscoped() throws Exception {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION + "host = \"from-secrets\"\ndatabase = \"file_db\"\n");
        ChildJvm.Result result = ChildJvm.run(PropertyInfoProbe.class, Map.of(
                "DESTINATION__POSTGRES__CREDENTIALS__HOST", "from-env",
                "CHESS__DESTINATION__POSTGRES__CREDENTIALS__USERNAME", "scoped_user",
                "DESTINATION__POSTGRES__CREDENTIALS__USERNAME", "unscoped_user"),
                tmp, project.url("jdbc:dlt:postgres:?pipeline=chess"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("host=from-env | "), result.output());
        assertTrue(result.output().contains("environment variable DESTINATION__POSTGRES__CREDENTIALS__HOST"), result.output());
        assertTrue(result.output().contains("username=scoped_user"), result.output());
        assertTrue(result.output().contains("database=file_db"), result.output());
    }

    @Test
    void wholeConnectionStringInEnvironment() throws Exception {
        ChildJvm.Result result = ChildJvm.run(PropertyInfoProbe.class, Map.of(
                "DESTINATION__POSTGRES__CREDENTIALS", "postgresql://envuser:pw@envhost:7000/envdb"),
                tmp, new TempProject(tmp).url("jdbc:dlt:postgres:"));
        assertTrue(result.output().contains("host=envhost"), result.output());
        assertTrue(result.output().contains("username=envuser"), result.output());
        assertTrue(result.output().contains("port=7000"), result.output());
        assertFalse(result.output().contains("pw"), "the password never appears: " + result.output());
    }

    @Test
    void globalDltDirectoryIsReadAfterTheProject() throws Exception {
        Path global = tmp.resolve("home-dlt");
        new TempProject(global.getParent()).write("home-dlt/secrets.toml", PG_SECTION + "host = \"global-host\"\ndatabase = \"global_db\"\n");
        Path projectDir = tmp.resolve("project");
        TempProject project = new TempProject(projectDir).secrets(PG_SECTION + "database = \"project_db\"\n");
        ChildJvm.Result result = ChildJvm.run(PropertyInfoProbe.class, Map.of("DLT_DATA_DIR", global.toString()),
                tmp, project.url("jdbc:dlt:postgres:"));
        assertTrue(result.output().contains("host=global-host"), result.output());
        assertTrue(result.output().contains("database=project_db"), result.output());
    }
}
