package io.dltjdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsIsAUsageErrorOnStandardError() {
        CliRun run = CliRun.in(dir);
        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("usage: dlt-jdbc <command> [options]\n"), run.err());
    }

    @Test
    void helpPrintsUsage() {
        for (String[] args : new String[][] {{"help"}, {"--help"}}) {
            CliRun run = CliRun.in(dir, args);
            assertEquals(0, run.code());
            assertTrue(run.out().startsWith("usage: dlt-jdbc <command> [options]\n"), run.out());
            assertTrue(run.out().contains("  " + InitCommand.USAGE + "\n"), run.out());
            assertTrue(run.out().contains("  " + RunCommand.USAGE + "\n"), run.out());
            assertTrue(run.out().contains("  " + SqlCommand.USAGE + "\n"), run.out());
        }
    }

    @Test
    void unknownCommandListsCommandsAndExitsTwo() {
        CliRun run = CliRun.in(dir, "load", "x");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("error: unknown command 'load'; commands: init, run, sql, help\n"), run.err());
    }

    @Test
    void unknownOptionOfRunIsAUsageError() {
        CliRun run = CliRun.in(dir, "run", "a.sql", "--uri", "x");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("usage: dlt-jdbc " + RunCommand.USAGE), run.err());
    }
}
