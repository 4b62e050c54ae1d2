package io.dltjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline chess demo end to end: init, run chess.sql into DuckDB, then query it. */
class RunAndSqlTest {
    @TempDir
    static Path dir;
    static CliRun loaded;

    @BeforeAll
    static void initAndRunTheGeneratedScript() {
        CliRun init = CliRun.in(dir, "init", "chess", "duckdb", "--offline");
        assertEquals(0, init.code(), init::toString);
        loaded = CliRun.in(dir, "run", "chess.sql");
    }

    @Test
    void runPrintsProgressAndTheLoadSummary() {
        assertEquals(0, loaded.code(), loaded::toString);
        assertEquals("", loaded.err());
        String out = loaded.out();
        assertTrue(out.contains("[1/2] chess.sql:5  LOAD PIPELINE chess_pipeline FROM SOURCE chess("), out);
        assertTrue(out.contains(" load_id           | pipeline_name  | dataset_name             | table_name            | rows |"
                + " write_disposition | status | rejected\n"), out);
        assertTrue(out.matches("(?s).*\\| chess_pipeline \\| chess_players_games_data \\| players_games         \\|   77 \\|"
                + " append            \\| loaded \\| +0\n.*"), out);
        assertTrue(out.contains("[2/2] chess.sql:10  SELECT white__username, count(*) AS games"), out);
        assertTrue(out.contains("(24 rows)"), out);
        assertTrue(out.endsWith("ran 2 statements from chess.sql\n"), out);
        assertTrue(Files.isRegularFile(dir.resolve("chess_pipeline.duckdb")), "DuckDB file in the project directory");
    }

    @Test
    void sqlPrintsGamesPerPlayerFromTheProjectDatabase() {
        CliRun run = CliRun.in(dir, "sql", "SELECT white__username, count(*) AS games FROM players_games "
                + "WHERE white__username IN ('Hikaru', 'FabianoCaruana', 'Njal28') GROUP BY 1 ORDER BY 2 DESC");
        assertEquals(0, run.code(), run::toString);
        assertEquals(""
                + " white__username | games\n"
                + "-----------------+-------\n"
                + " Hikaru          |    31\n"
                + " FabianoCaruana  |     9\n"
                + " Njal28          |     5\n"
                + "(3 rows)\n", run.out());
    }

    @Test
    void sqlWithUrlOptionAndDirOption() {
        String url = "jdbc:dlt:duckdb:?pipeline=chess_pipeline&project_dir=" + dir;
        CliRun run = CliRun.in(dir.getRoot(), "sql", "SELECT count(*) AS n FROM chess_players_games_data.players_profiles",
                "--url", url);
        assertEquals(" n\n---\n 2\n(1 row)\n", run.out(), run::toString);
        run = CliRun.in(dir.getRoot(), "sql", "SELECT count(*) AS n FROM players_online_status", "--dir", dir.toString());
        assertEquals(" n\n---\n 2\n(1 row)\n", run.out(), run::toString);
    }

    @Test
    void interactiveSqlReadsStatementsUntilQuit() {
        CliRun run = CliRun.withInput(dir, "SELECT 1 AS a;\nSELECT\n  2 AS b; SELECT 'x;y' AS c\n;\nbad sql here;\nquit\nSELECT 9;\n",
                "sql");
        assertEquals(1, run.code(), "a statement failed");
        String out = run.out();
        assertTrue(out.contains(" a\n---\n 1\n(1 row)\n"), out);
        assertTrue(out.contains(" b\n---\n 2\n(1 row)\n"), out);
        assertTrue(out.contains(" c\n-----\n x;y\n(1 row)\n"), out);
        assertFalse(out.contains("9"), "nothing after quit runs");
        assertTrue(run.err().startsWith("error: "), run.err());
    }

    @Test
    void badStatementReportsFileLineAndExitsOne() throws Exception {
        Files.writeString(dir.resolve("bad.sql"), "-- a broken script\nSELECT 1;\n\nSELECT *\n  FROM no_such_table;\nSELECT 2;\n");
        CliRun run = CliRun.in(dir, "run", "bad.sql");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith("bad.sql:4: "), run.err());
        assertTrue(run.err().contains("no_such_table"), run.err());
        assertTrue(run.out().contains("[2/3] bad.sql:4"), run.out());
        assertFalse(run.out().contains("[3/3]"), "stops at the first failure");
    }

    @Test
    void syntaxErrorInsideLoadPipelinePointsAtItsLine() throws Exception {
        Files.writeString(dir.resolve("syntax.sql"), "SELECT 1;\nLOAD PIPELINE p\n  FROM 'a.csv'\n  INTO t\n  WITH (a = 1 b = 2);\n");
        CliRun run = CliRun.in(dir, "run", "syntax.sql");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith("syntax.sql:5: "), run.err());
    }

    @Test
    void unterminatedStringInScriptIsReportedBeforeRunning() throws Exception {
        Files.writeString(dir.resolve("open.sql"), "SELECT 1;\nSELECT 'oops;\n");
        CliRun run = CliRun.in(dir, "run", "open.sql");
        assertEquals(1, run.code());
        assertEquals("open.sql:2: unterminated '...' string starting here\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void missingScriptAndMissingProject() {
        CliRun run = CliRun.in(dir, "run", "nope.sql");
        assertEquals(1, run.code());
        assertEquals("error: no such file: nope.sql\n", run.err());
        run = CliRun.in(dir.resolve(".dlt"), "sql", "SELECT 1");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("no --url given"), run.err());
    }
}
