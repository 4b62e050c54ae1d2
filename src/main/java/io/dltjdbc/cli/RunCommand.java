package io.dltjdbc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code run <script.sql>}: every statement of the script through the driver, in order, on one
 * connection; stops at the first failure with {@code <file>:<line>: <message>} on stderr.
 */
final class RunCommand {
    static final String USAGE = "run <script.sql> [--url URL] [--dir D]";
    /** The driver's parser errors name the position inside the statement: "... at 4:9". */
    private static final Pattern POSITION = Pattern.compile(" at (\\d{1,6}):(\\d{1,6})(?=$|[;,.)\\s])");
    private static final int SHOWN = 72;

    private RunCommand() {
    }

    static int run(List<String> argv, Console console) throws Args.UsageException, IOException {
        Args args = Args.parse(argv, Set.of(), Set.of("url", "dir"), 1, 1);
        String name = args.positional(0);
        Path projectDir = console.resolve(args.option("dir") == null ? "." : args.option("dir"));
        String script;
        try {
            script = Files.readString(console.resolve(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            console.err().println("error: no such file: " + name);
            return 1;
        }
        List<ScriptSplitter.Statement> statements;
        try {
            statements = ScriptSplitter.split(script);
        } catch (ScriptSplitter.UnterminatedException e) {
            console.err().println(name + ":" + e.line() + ": " + e.getMessage());
            return 1;
        }
        String url = ProjectUrl.resolve(args.option("url"), projectDir);
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                ScriptSplitter.Statement current = statements.get(i);
                console.out().println("[" + (i + 1) + "/" + statements.size() + "] " + name + ":" + current.line()
                        + "  " + summary(current.sql()));
                long start = System.nanoTime();
                try {
                    Results.executeAndPrint(statement, current.sql(), console.out());
                } catch (SQLException | RuntimeException e) {
                    console.err().println(name + ":" + errorLine(current, e) + ": " + message(e));
                    return 1;
                }
                console.out().printf("(%.1f s)%n%n", (System.nanoTime() - start) / 1e9);
            }
        } catch (SQLException e) {
            console.err().println("error: cannot connect: " + message(e));
            return 1;
        }
        console.out().println("ran " + statements.size() + (statements.size() == 1 ? " statement" : " statements")
                + " from " + name);
        return 0;
    }

    /** The statement's first line, whitespace collapsed, cut for a progress line. */
    static String summary(String sql) {
        String text = sql.replaceAll("\\s+", " ").trim();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
    }

    private static int errorLine(ScriptSplitter.Statement statement, Exception e) {
        if (e instanceof SQLException && e.getMessage() != null) {
            Matcher m = POSITION.matcher(e.getMessage());
            int lines = statement.sql().split("\n", -1).length;
            if (m.find() && Integer.parseInt(m.group(1)) <= lines) {
                return statement.line() + Integer.parseInt(m.group(1)) - 1;
            }
        }
        return statement.line();
    }

    static String message(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.strip();
    }
}
