package io.dltjdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.TempProject;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error for missing credentials: every missing field at once, what to do about each, readable. */
class MissingCredentialsMessageTest {
    @TempDir
    Path tmp;

    /** What {@code dlt-jdbc init chess postgres} writes (cli/ProjectTemplates). */
    private static final String INIT_SECRETS = "# put your secret values and credentials here. do not share this file\n"
            + "\n"
            + "[destination.postgres.credentials]\n"
            + "database = \"database\" # please set me up!\n"
            + "username = \"username\" # please set me up!\n"
            + "password = \"password\" # please set me up!\n"
            + "host = \"host\" # please set me up!\n"
            + "port = 5432\n"
            + "connect_timeout = 15\n";

    private String failure(TempProject project) {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(project.url("jdbc:dlt:postgres:")));
        assertEquals("08001", e.getSQLState());
        return e.getMessage();
    }

    @Test
    void freshInitSecretsNameEveryMissingFieldAndThePlaceholderLinesInOneMessage() {
        TempProject project = new TempProject(tmp).secrets(INIT_SECRETS);
        String message = failure(project);
        assertTrue(message.contains("needs credentials 'database', 'username', 'password' and 'host'"), message);
        assertTrue(message.contains("Replace the placeholders at " + tmp.resolve(".dlt/secrets.toml")
                + " line 4 (database), line 5 (username), line 6 (password) and line 7 (host)."), message);
        assertFalse(message.contains("Add it to") || message.contains("Add them to"), message);
    }

    @Test
    void onePlaceholderSaysReplaceThePlaceholderAtFileAndLine() {
        TempProject project = new TempProject(tmp).secrets(INIT_SECRETS.replace("\"database\" #", "\"dlt_data\" #")
                .replace("\"username\" #", "\"loader\" #").replace("\"host\" #", "\"localhost\" #")
                .replace(" # please set me up!\nusername", "\nusername").replace("\"loader\" # please set me up!", "\"loader\"")
                .replace("\"localhost\" # please set me up!", "\"localhost\""));
        String message = failure(project);
        assertTrue(message.contains("needs credential 'password'"), message);
        assertTrue(message.contains("Replace the placeholder at " + tmp.resolve(".dlt/secrets.toml") + " line 6 (password)."),
                message);
    }

    @Test
    void absentFieldsAreReportedTogetherWithTheTomlLinesToAdd() {
        TempProject project = new TempProject(tmp).secrets("[destination.postgres.credentials]\nhost = \"localhost\"\n");
        String message = failure(project);
        assertTrue(message.contains("needs credentials 'database', 'username' and 'password'"), message);
        assertTrue(message.contains("Add them to " + tmp.resolve(".dlt/secrets.toml") + ":\n[destination.postgres.credentials]\n"
                + "database = \"...\"\nusername = \"...\"\npassword = \"<your password>\""), message);
    }

    @Test
    void placesLookedAreGroupedOneLinePerProviderAndScope() {
        String message = failure(new TempProject(tmp).secrets(INIT_SECRETS));
        assertTrue(message.contains("DLT__DESTINATION__POSTGRES__CREDENTIALS__<KEY>"), message);
        assertTrue(message.contains("[destination.postgres.credentials] <key>"), message);
        assertTrue(message.contains(tmp.resolve(".dlt/secrets.toml") + ", " + tmp.resolve(".dlt/config.toml")), message);
        for (String line : message.split("\n")) {
            assertTrue(line.split(", ").length <= 4 || line.startsWith("- "), "too many places on one line: " + line);
        }
        assertEquals(1, message.split("\\[destination.postgres.credentials\\] <key>", -1).length - 1,
                "every TOML file's keys are listed once, not once per file: " + message);
    }

    @Test
    void fieldMissingFromAConnectionStringSaysTheStringStandsForAllCredentials() {
        TempProject project = new TempProject(tmp).config("destination.postgres.credentials = \"postgresql://loader@h/db\"\n");
        String message = failure(project);
        assertTrue(message.contains("needs credential 'password'"), message);
        assertTrue(message.contains("The connection string in " + tmp.resolve(".dlt/config.toml")
                + " destination.postgres.credentials stands for all credentials"), message);
        assertFalse(message.contains("Add it to"), "a [destination.postgres.credentials] table would clash with the string: "
                + message);
    }
}
