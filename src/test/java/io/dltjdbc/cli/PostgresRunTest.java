package io.dltjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's journey for Postgres: `init chess postgres`, fill in the generated secrets.toml (here: the
 * embedded server's loader role), `run chess.sql`, query with `sql`.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresRunTest {
    @TempDir
    Path dir;

    @Test
    void generatedChessScriptLoadsIntoPostgresOnceTheSecretsAreFilledIn(EmbeddedPostgresServer pg) throws Exception {
        CliRun init = CliRun.in(dir, "init", "chess", "postgres", "--offline");
        assertEquals(0, init.code(), init::toString);
        Path secrets = dir.resolve(".dlt/secrets.toml");
        String filled = Files.readString(secrets)
                .replaceAll("(?m)^database = .*$", "database = \"" + EmbeddedPostgresServer.DATABASE + "\"")
                .replaceAll("(?m)^username = .*$", "username = \"" + EmbeddedPostgresServer.USER + "\"")
                .replaceAll("(?m)^password = .*$", "password = \"" + EmbeddedPostgresServer.PASSWORD + "\"")
                .replaceAll("(?m)^host = .*$", "host = \"" + pg.host() + "\"")
                .replaceAll("(?m)^port = .*$", "port = " + pg.port());
        Files.writeString(secrets, filled);

        CliRun run = CliRun.in(dir, "run", "chess.sql");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().matches("(?s).*\\| players_games\\s+\\|\\s+77 \\|.*"), run.out());
        assertFalse(run.out().contains(EmbeddedPostgresServer.PASSWORD), "the password never shows");

        CliRun sql = CliRun.in(dir, "sql", "SELECT count(*) AS games FROM players_games");
        assertEquals(" games\n-------\n    77\n(1 row)\n", sql.out(), sql::toString);
    }

    @Test
    void unfilledSecretsSayWhichKeyToSet() {
        CliRun init = CliRun.in(dir, "init", "chess", "postgres", "--offline");
        assertEquals(0, init.code(), init::toString);
        CliRun run = CliRun.in(dir, "run", "chess.sql");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("not configured"), run.err());
    }
}
