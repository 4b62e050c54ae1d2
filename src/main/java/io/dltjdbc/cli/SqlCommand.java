package io.dltjdbc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sql "<query>"}: runs the statement(s) and prints each result as a table. Without a query,
 * reads statements ({@code ;}-terminated, may span lines) from stdin until EOF or {@code quit}.
 */
final class SqlCommand {
    static final String USAGE = "sql [\"<query>\"] [--url URL] [--dir D]";
    static final String PROMPT = "dlt> ";
    static final String CONTINUE = "  -> ";

    private SqlCommand() {
    }

    static int run(List<String> argv, Console console) throws Args.UsageException, IOException {
        Args args = Args.parse(argv, Set.of(), Set.of("url", "dir"), 0, 1);
        String query = args.positional(0);
        String url = ProjectUrl.resolve(args.option("url"),
                console.resolve(args.option("dir") == null ? "." : args.option("dir")));
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            return query != null ? once(query, statement, console) : interactive(statement, console);
        } catch (SQLException e) {
            console.err().println("error: cannot connect: " + RunCommand.message(e));
            return 1;
        }
    }

    private static int once(String query, Statement statement, Console console) {
        List<ScriptSplitter.Statement> statements;
        try {
            statements = ScriptSplitter.split(query);
        } catch (ScriptSplitter.UnterminatedException e) {
            console.err().println("error: " + e.getMessage().replace(" starting here", ""));
            return 1;
        }
        for (ScriptSplitter.Statement each : statements) {
            try {
                Results.executeAndPrint(statement, each.sql(), console.out());
            } catch (SQLException | RuntimeException e) {
                console.err().println("error: " + RunCommand.message(e));
                return 1;
            }
        }
        return 0;
    }

    /**
     * A read-eval-print loop; a failing statement is reported and the loop goes on; exit 1 if any
     * failed. Prompts only when stdin is a terminal, so that piped input gives clean output.
     */
    private static int interactive(Statement statement, Console console) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
        StringBuilder buffer = new StringBuilder();
        boolean failed = false;
        boolean terminal = console.in() == System.in && System.console() != null;
        if (terminal) {
            console.out().println("Enter SQL statements ending with ';'. 'quit' or end of input leaves.");
        }
        while (true) {
            if (terminal) {
                console.out().print(buffer.length() == 0 ? PROMPT : CONTINUE);
                console.out().flush();
            }
            String line = reader.readLine();
            if (line == null) {
                if (terminal) {
                    console.out().println();
                }
                break;
            }
            if (buffer.toString().isBlank() && isQuit(line)) {
                break;
            }
            buffer.append(line).append('\n');
            String pending = buffer.toString();
            int end = ScriptSplitter.lastTerminator(pending);
            if (end < 0) {
                continue;
            }
            buffer.setLength(0);
            buffer.append(pending.substring(end + 1).strip());
            failed |= once(pending.substring(0, end + 1), statement, console) != 0;
        }
        if (!buffer.toString().isBlank()) {
            failed |= once(buffer.toString(), statement, console) != 0;
        }
        return failed ? 1 : 0;
    }

    private static boolean isQuit(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (word.endsWith(";")) {
            word = word.substring(0, word.length() - 1).strip();
        }
        return word.equals("quit") || word.equals("exit") || word.equals("\\q");
    }
}
