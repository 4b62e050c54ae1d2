package io.dltjdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.ChildJvm;
import io.dltjdbc.testkit.PropertyInfoProbe;
import io.dltjdbc.testkit.TempProject;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §2 "first hit wins" with whole connection strings: a string counts at its own place in the order,
 * and a string from the environment or a file is never completed from places after it.
 */
class CredentialsResolutionOrderTest {
    @TempDir
    Path tmp;

    private static final String PG_SECTION = "[destination.postgres.credentials]\n";

    private static DriverPropertyInfo info(String url, Properties properties, String key) throws SQLException {
        DriverPropertyInfo[] infos = DriverManager.getDriver(url).getPropertyInfo(url, properties);
        return Arrays.stream(infos).filter(i -> i.name.equals(key)).findFirst().orElseThrow();
    }

    private static String value(String url, String key) throws SQLException {
        return info(url, new Properties(), key).value;
    }

    @Test
    void environmentConnectionStringBeatsFieldsInSecretsToml() throws Exception {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION
                + "database = \"tomldb\"\nusername = \"tomluser\"\npassword = \"tomlpw\"\nhost = \"tomlhost\"\n");
        ChildJvm.Result result = ChildJvm.run(PropertyInfoProbe.class,
                Map.of("DESTINATION__POSTGRES__CREDENTIALS", "postgresql://envuser:envpw@envhost:7000/envdb"),
                tmp, project.url("jdbc:dlt:postgres:"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("host=envhost | "), result.output());
        assertTrue(result.output().contains("username=envuser | "), result.output());
        assertTrue(result.output().contains("database=envdb | "), result.output());
        assertTrue(result.output().contains("now from environment variable DESTINATION__POSTGRES__CREDENTIALS)"), result.output());
        assertFalse(result.output().contains("tomlhost"), result.output());
    }

    @Test
    void projectConnectionStringBeatsFieldsInTheGlobalDltDirectory() throws Exception {
        Path global = tmp.resolve("global");
        new TempProject(global).write("secrets.toml", PG_SECTION + "host = \"globalhost\"\nport = 9999\n");
        TempProject project = new TempProject(tmp.resolve("project"))
                .secrets("destination.postgres.credentials = \"postgresql://cuser:cpw@chost:5555/cdb\"\n");
        ChildJvm.Result result = ChildJvm.run(PropertyInfoProbe.class, Map.of("DLT_DATA_DIR", global.toString()),
                tmp, project.url("jdbc:dlt:postgres:"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("host=chost | "), result.output());
        assertTrue(result.output().contains("port=5555 | "), result.output());
        assertFalse(result.output().contains("globalhost"), result.output());
    }

    @Test
    void connectionStringIsNotCompletedFromPlacesAfterIt() throws Exception {
        Path global = tmp.resolve("global");
        new TempProject(global).write("secrets.toml", PG_SECTION + "password = \"stale-global-password\"\nport = 9999\n"
                + "connect_timeout = 99\n");
        TempProject project = new TempProject(tmp.resolve("project"))
                .config("destination.postgres.credentials = \"postgresql://cuser@chost/cdb\"\n");
        ChildJvm.Result result = ChildJvm.run(PropertyInfoProbe.class, Map.of("DLT_DATA_DIR", global.toString()),
                tmp, project.url("jdbc:dlt:postgres:"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("host=chost | "), result.output());
        assertTrue(result.output().contains("password=null | "), result.output());
        assertTrue(result.output().contains("port=5432 | "), "the default, not the other file's port: " + result.output());
        assertTrue(result.output().contains("connect_timeout=15 | "), result.output());
    }

    @Test
    void fieldsInPlacesBeforeAConnectionStringOverrideItsParts() throws SQLException {
        TempProject project = new TempProject(tmp)
                .secrets(PG_SECTION + "password = \"from-secrets\"\n")
                .config("destination.postgres.credentials = \"postgresql://cuser@chost:5555/cdb\"\n");
        String url = project.url("jdbc:dlt:postgres:");
        assertEquals("***", value(url, "password"));
        assertTrue(info(url, new Properties(), "password").description.contains("secrets.toml"));
        assertEquals("chost", value(url, "host"));
        assertTrue(info(url, new Properties(), "host").description.contains("config.toml"));
    }

    @Test
    void pipelineScopedConnectionStringBeatsUnscopedFields() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION + "host = \"unscopedhost\"\nusername = \"unscoped\"\n"
                + "[mypipe.destination.postgres]\ncredentials = \"postgresql://puser:ppw@pipehost/pdb\"\n");
        String url = project.url("jdbc:dlt:postgres:?pipeline=mypipe");
        assertEquals("pipehost", value(url, "host"));
        assertEquals("puser", value(url, "username"));
        assertEquals("unscopedhost", value(project.url("jdbc:dlt:postgres:?pipeline=other"), "host"));
    }

    @Test
    void pipelineScopedFieldBeatsUnscopedConnectionStringOfTheSameFile() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(
                "destination.postgres.credentials = \"postgresql://u:pw@stringhost:1111/db\"\n"
                        + "[mypipe.destination.postgres.credentials]\nport = 2222\n");
        String url = project.url("jdbc:dlt:postgres:?pipeline=mypipe");
        assertEquals("2222", value(url, "port"));
        assertEquals("stringhost", value(url, "host"));
    }

    @Test
    void jdbcPropertyFieldBeatsTheCredentialsPropertyString() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("host", "field-host");
        properties.setProperty("credentials", "postgresql://u:pw@string-host:1111/db");
        String url = new TempProject(tmp).url("jdbc:dlt:postgres:");
        assertEquals("field-host", info(url, properties, "host").value);
        assertEquals("1111", info(url, properties, "port").value);
        assertTrue(info(url, properties, "port").description.contains("JDBC Properties key 'credentials'"),
                info(url, properties, "port").description);
    }

    @Test
    void urlLocationIsCompletedFromSecretsToml() throws SQLException {
        TempProject project = new TempProject(tmp).secrets(PG_SECTION + "username = \"loader\"\npassword = \"from-file\"\n");
        String url = project.url("jdbc:dlt:postgres://dbhost:5433/dlt_data");
        assertEquals("dbhost", value(url, "host"));
        assertEquals("loader", value(url, "username"));
        assertEquals("***", value(url, "password"));
        assertNull(value(new TempProject(tmp.resolve("empty")).url("jdbc:dlt:postgres://dbhost/db"), "password"));
    }
}
