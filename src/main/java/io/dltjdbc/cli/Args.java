package io.dltjdbc.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: positionals, {@code --flag}s and {@code --option value} (or
 * {@code --option=value}). Anything not declared is a {@link UsageException}.
 */
final class Args {
    private final List<String> positionals = new ArrayList<>();
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> options = new HashMap<>();

    /** Wrong arguments: exit code 2 with the command's usage line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Args parse(List<String> args, Set<String> knownFlags, Set<String> knownOptions, int minPositionals,
            int maxPositionals) throws UsageException {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                int eq = arg.indexOf('=');
                String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
                if (knownFlags.contains(name) && eq < 0) {
                    parsed.flags.add(name);
                } else if (knownOptions.contains(name)) {
                    String value;
                    if (eq > 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    if (parsed.options.put(name, value) != null) {
                        throw new UsageException("--" + name + " is given twice");
                    }
                } else {
                    List<String> valid = new ArrayList<>();
                    knownFlags.stream().sorted().forEach(f -> valid.add("--" + f));
                    knownOptions.stream().sorted().forEach(o -> valid.add("--" + o));
                    throw new UsageException("unknown option " + arg
                            + (valid.isEmpty() ? "" : "; valid: " + String.join(", ", valid)));
                }
            } else {
                parsed.positionals.add(arg);
            }
        }
        int n = parsed.positionals.size();
        if (n < minPositionals) {
            throw new UsageException("missing arguments");
        }
        if (n > maxPositionals) {
            throw new UsageException("unexpected argument '" + parsed.positionals.get(maxPositionals) + "'");
        }
        return parsed;
    }

    String positional(int index) {
        return index < positionals.size() ? positionals.get(index) : null;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String option(String name) {
        return options.get(name);
    }
}
