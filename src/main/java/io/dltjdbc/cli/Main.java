package io.dltjdbc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dlt-jdbc init | run | sql | help}. Exit codes: 0 success, 1 failure (SQL error, refused
 * overwrite, I/O), 2 usage error (unknown command, source, destination or option; missing arguments).
 */
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_ERROR = 2;

    static final List<String> COMMANDS = List.of("init", "run", "sql", "help");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err, Path.of("").toAbsolutePath());
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command in-process; returns its exit code. Standard input is {@code System.in}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workDir) {
        return run(args, System.in, out, err, workDir);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Path workDir) {
        Console console = new Console(in, out, err, workDir);
        if (args.length == 0) {
            err.print(usage()); // no command at all is a usage error, so scripts notice
            return USAGE_ERROR;
        }
        if (isHelp(args[0])) {
            out.print(usage());
            return OK;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (command) {
                case "init":
                    return InitCommand.run(rest, console);
                case "run":
                    return RunCommand.run(rest, console);
                case "sql":
                    return SqlCommand.run(rest, console);
                default:
                    err.println("error: unknown command '" + command + "'; commands: " + String.join(", ", COMMANDS));
                    err.print(usage());
                    return USAGE_ERROR;
            }
        } catch (Args.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: dlt-jdbc " + usageOf(command));
            return USAGE_ERROR;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + RunCommand.message(e));
            return FAILED;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
    }

    private static String usageOf(String command) {
        return switch (command) {
            case "init" -> InitCommand.USAGE;
            case "run" -> RunCommand.USAGE;
            default -> SqlCommand.USAGE;
        };
    }

    static String usage() {
        return "usage: dlt-jdbc <command> [options]\n"
                + "\n"
                + "  " + InitCommand.USAGE + "\n"
                + "      write .dlt/config.toml, .dlt/secrets.toml, <source>.sql and README.md into D (default: .)\n"
                + "      sources: " + String.join(", ", ProjectTemplates.SOURCES) + "; destinations: "
                + String.join(", ", io.dltjdbc.destination.Destinations.names()) + "\n"
                + "      --offline: sources.chess.api_url = \"sample\" (recorded chess.com answers, no internet)\n"
                + "      --force: overwrite existing files\n"
                + "  " + RunCommand.USAGE + "\n"
                + "      run a ;-separated SQL script (LOAD PIPELINE ... and plain SQL) through the driver\n"
                + "  " + SqlCommand.USAGE + "\n"
                + "      print a query's result as a table; without a query, read statements from stdin\n"
                + "  help\n"
                + "\n"
                + "Without --url, run and sql connect to jdbc:dlt:<destination>:?pipeline=...&dataset=...&project_dir=D\n"
                + "built from the [dlt_jdbc] section of D/.dlt/config.toml (D: --dir, default the working directory).\n"
                + "Exit codes: 0 ok, 1 failed, 2 usage error.\n";
    }
}
