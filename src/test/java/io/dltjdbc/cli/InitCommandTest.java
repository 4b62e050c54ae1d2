package io.dltjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class InitCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres", "redshift", "bigquery"})
    void secretsTomlHasExactlyDltsCredentialKeys(String destination) throws IOException {
        CliRun run = CliRun.in(dir, "init", "chess", destination);
        assertEquals(0, run.code(), run::toString);
        assertEquals(golden("secrets-" + destination + ".toml"), Files.readString(dir.resolve(".dlt/secrets.toml")));
        assertFalse(Toml.parse(dir.resolve(".dlt/secrets.toml")).hasErrors());
    }

    @Test
    void writesConfigScriptAndReadme() throws IOException {
        CliRun run = CliRun.in(dir, "init", "chess", "postgres");
        assertEquals(0, run.code(), run::toString);
        TomlParseResult config = Toml.parse(dir.resolve(".dlt/config.toml"));
        assertFalse(config.hasErrors(), config.errors()::toString);
        assertEquals("postgres", config.getString("dlt_jdbc.destination"));
        assertEquals("chess_pipeline", config.getString("dlt_jdbc.pipeline"));
        assertEquals("chess_players_games_data", config.getString("dlt_jdbc.dataset"));
        assertEquals(null, config.getString("sources.chess.api_url"), "live API unless --offline");
        String script = Files.readString(dir.resolve("chess.sql"));
        assertTrue(script.contains("LOAD PIPELINE chess_pipeline\n  FROM SOURCE chess(players = ('hikaru', 'fabianocaruana'), "
                + "start_month = '2014/01', end_month = '2022/12')\n  WITH (dataset_name = 'chess_players_games_data');"), script);
        assertTrue(Files.readString(dir.resolve("README.md")).contains("dlt-jdbc run chess.sql"));
        assertTrue(run.out().contains("please set me up!"), run.out());
    }

    @Test
    void offlineSelectsTheRecordedChessAnswers() {
        CliRun run = CliRun.in(dir, "init", "chess", "duckdb", "--offline");
        assertEquals(0, run.code(), run::toString);
        assertEquals("sample", Toml.parse(read(".dlt/config.toml")).getString("sources.chess.api_url"));
    }

    @Test
    void secretsFileIsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals(0, CliRun.in(dir, "init", "chess", "bigquery").code());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".dlt/secrets.toml"))));
    }

    @Test
    void forcedOverwriteOfSecretsMakesThemOwnerOnlyAgain() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Files.createDirectories(dir.resolve(".dlt"));
        Files.writeString(dir.resolve(".dlt/secrets.toml"), "x = 1\n");
        Files.setPosixFilePermissions(dir.resolve(".dlt/secrets.toml"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, CliRun.in(dir, "init", "chess", "postgres", "--force").code());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".dlt/secrets.toml"))));
        assertEquals(golden("secrets-postgres.toml"), read(".dlt/secrets.toml"));
    }

    @Test
    void refusesToOverwriteAndWritesNothing() throws IOException {
        Files.writeString(dir.resolve("chess.sql"), "SELECT 1;\n");
        CliRun run = CliRun.in(dir, "init", "chess", "duckdb");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("already has chess.sql") && run.err().contains("--force"), run.err());
        assertEquals("SELECT 1;\n", read("chess.sql"));
        assertFalse(Files.exists(dir.resolve(".dlt")), "nothing written");

        assertEquals(0, CliRun.in(dir, "init", "chess", "duckdb", "--force").code());
        assertTrue(read("chess.sql").contains("LOAD PIPELINE"));
    }

    @Test
    void dirOptionWritesElsewhere() {
        CliRun run = CliRun.in(dir, "init", "chess", "duckdb", "--dir", "demo");
        assertEquals(0, run.code(), run::toString);
        assertTrue(Files.isRegularFile(dir.resolve("demo/.dlt/config.toml")));
        assertTrue(run.out().contains("cd " + dir.resolve("demo") + " && dlt-jdbc run chess.sql"), run.out());
    }

    @Test
    void unknownSourceListsValidOnes() {
        CliRun run = CliRun.in(dir, "init", "github", "duckdb");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown source 'github'; valid sources: chess"), run.err());
        assertTrue(run.err().contains("usage: dlt-jdbc " + InitCommand.USAGE), run.err());
    }

    @Test
    void unknownDestinationListsValidOnes() {
        CliRun run = CliRun.in(dir, "init", "chess", "snowflake");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown destination 'snowflake'; valid destinations: duckdb, postgres, redshift, bigquery"),
                run.err());
        assertFalse(Files.exists(dir.resolve(".dlt")));
    }

    @Test
    void missingArgumentsAndUnknownOptionsAreUsageErrors() {
        assertEquals(2, CliRun.in(dir, "init", "chess").code());
        CliRun run = CliRun.in(dir, "init", "chess", "duckdb", "--frce");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown option --frce; valid: --force, --offline, --dir"), run.err());
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String golden(String name) throws IOException {
        try (InputStream in = InitCommandTest.class.getResourceAsStream("/cli/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
