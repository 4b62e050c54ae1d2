package io.dltjdbc.destination.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltjdbc.testkit.TempProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service-account key (a credentials_file, or its JSON as the whole credentials value) is enough, as in dlt:
 * the project id comes from it when not configured. Nothing here talks to Google: connecting opens no request.
 */
class BigQueryServiceAccountJsonTest {
    private static final String ENDPOINT = "&endpoint=http://127.0.0.1:1";
    private static String keyJson;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serviceAccountKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", "file-project");
        key.put("private_key_id", "abc123");
        key.put("private_key", pem);
        key.put("client_email", "loader@file-project.iam.gserviceaccount.com");
        key.put("client_id", "1234567890");
        key.put("token_uri", "http://127.0.0.1:1/token");
        keyJson = new ObjectMapper().writeValueAsString(key);
    }

    private Path keyFile() throws Exception {
        return Files.writeString(tmp.resolve("sa.json"), keyJson);
    }

    private static String value(String url, String key) throws SQLException {
        DriverPropertyInfo[] infos = DriverManager.getDriver(url).getPropertyInfo(url, new Properties());
        return Arrays.stream(infos).filter(i -> i.name.equals(key)).findFirst().orElseThrow().value;
    }

    @Test
    void projectIdIsTakenFromTheCredentialsFileWhenNotConfigured() throws Exception {
        String url = "jdbc:dlt:bigquery:?credentials_file=" + keyFile() + ENDPOINT + "&project_dir=" + tmp;
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("file-project", c.getCatalog());
        }
    }

    @Test
    void configuredProjectIdBeatsTheCredentialsFile() throws Exception {
        String url = "jdbc:dlt:bigquery:url-project?credentials_file=" + keyFile() + ENDPOINT + "&project_dir=" + tmp;
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("url-project", c.getCatalog());
        }
    }

    @Test
    void jsonCredentialsStringGivesProjectKeyAndEmail() throws Exception {
        TempProject project = new TempProject(tmp).secrets("[destination.bigquery]\ncredentials = '''" + keyJson + "'''\n");
        String url = project.url("jdbc:dlt:bigquery:?endpoint=http://127.0.0.1:1");
        assertEquals("file-project", value(url, "project_id"));
        assertEquals("***", value(url, "private_key"));
        assertEquals("loader@file-project.iam.gserviceaccount.com", value(url, "client_email"));
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("file-project", c.getCatalog());
        }
    }

    @Test
    void locationBesideAJsonCredentialsStringIsStillRead() throws Exception {
        TempProject project = new TempProject(tmp)
                .secrets("[destination.bigquery]\ncredentials = '''" + keyJson + "'''\n")
                .config("[destination.bigquery]\nlocation = \"EU\"\n");
        assertEquals("EU", value(project.url("jdbc:dlt:bigquery:"), "location"));
    }

    @Test
    void malformedJsonCredentialsNameThePlaceButNeverTheKey() {
        TempProject project = new TempProject(tmp).secrets("[destination.bigquery]\ncredentials = '''{\"private_key\": "
                + "\"TOPSECRETKEY\", broken'''\n");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(project.url("jdbc:dlt:bigquery:?endpoint=http://127.0.0.1:1")));
        assertTrue(e.getMessage().contains("secrets.toml"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("TOPSECRETKEY"), t.getMessage());
        }
    }
}
