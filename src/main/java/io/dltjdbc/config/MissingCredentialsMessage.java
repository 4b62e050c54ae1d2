package io.dltjdbc.config;

import io.dltjdbc.driver.DltSqlState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The error for missing required credentials (SPEC §2): which fields, what to do about each (replace the
 * placeholder {@code dlt-jdbc init} left at file and line, or the TOML lines to add), and every place looked,
 * grouped so that it stays readable: one line per provider and scope, with {@code <key>} standing for each
 * missing name when there are several.
 */
final class MissingCredentialsMessage {
    private final String destination;
    private final ConfigResolver config;

    MissingCredentialsMessage(String destination, ConfigResolver config) {
        this.destination = destination;
        this.config = config;
    }

    SQLException exception(List<CredentialField> missing, Map<String, Placeholders.At> placeholders,
            Map<String, String> closedBy) {
        List<String> names = new ArrayList<>();
        missing.forEach(field -> names.add(field.name()));
        StringBuilder out = new StringBuilder("destination ").append(destination);
        if (names.size() == 1) {
            out.append(" needs credential '").append(names.get(0)).append("', but it is not configured");
        } else {
            out.append(" needs credentials ").append(list(names, "'")).append(", but they are not configured");
        }
        out.append(" (placeholders count as missing).\n");
        lookedIn(out, names.size() == 1 ? names.get(0) : "<key>");
        Map<String, List<String>> toReplace = new LinkedHashMap<>();
        List<CredentialField> toAdd = new ArrayList<>();
        Map<String, List<String>> toCompleteString = new LinkedHashMap<>();
        for (CredentialField field : missing) {
            Placeholders.At at = placeholders.get(field.name());
            if (at != null) {
                toReplace.computeIfAbsent(at.place(), place -> new ArrayList<>()).add(line(at, field.name()));
            } else if (closedBy.containsKey(field.name())) {
                toCompleteString.computeIfAbsent(closedBy.get(field.name()), origin -> new ArrayList<>()).add(field.name());
            } else {
                toAdd.add(field);
            }
        }
        toReplace.forEach((place, lines) -> out.append(lines.size() == 1 ? "Replace the placeholder at " : "Replace the placeholders at ")
                .append(place).append(' ').append(list(lines, "")).append(".\n"));
        toCompleteString.forEach((origin, fields) -> out.append("The connection string in ").append(origin)
                .append(" stands for all credentials, so no place after it was read: add ").append(list(fields, "'"))
                .append(" to it, or set ").append(fields.size() == 1 ? "it" : "them")
                .append(" in a place before it (URL, JDBC Properties, an environment variable).\n"));
        if (!toAdd.isEmpty()) {
            out.append(toAdd.size() == 1 ? "Add it to " : "Add them to ").append(config.projectSecretsFile())
                    .append(":\n[destination.").append(destination).append(".credentials]\n");
            for (CredentialField field : toAdd) {
                out.append(field.name()).append(" = ").append(field.secret() ? "\"<your " + field.name() + ">\"" : "\"...\"")
                        .append('\n');
            }
        }
        return DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(out.toString().stripTrailing());
    }

    /** "line 4" in "Replace the placeholder at f line 4", "line 4 (database)" when there are several. */
    private static String line(Placeholders.At at, String name) {
        return ((at.line() > 0 ? "line " + at.line() + " " : "") + "(" + name + ")");
    }

    /** One line per provider group and scope: the same spellings in every TOML file are listed once. */
    private void lookedIn(StringBuilder out, String key) {
        out.append("Looked in, in this order").append(key.equals("<key>") ? " (<key> stands for each name above)" : "")
                .append(":\n- URL query keys, the URL location, JDBC Properties\n");
        Map<List<String>, Set<String>> groups = new LinkedHashMap<>();
        for (ConfigProvider provider : config.providers()) {
            List<String> spellings = new ArrayList<>();
            for (List<String> scope : config.scopes()) {
                spellings.add(scopeLine(provider, scope, key));
            }
            groups.computeIfAbsent(spellings, s -> new LinkedHashSet<>()).add(provider.place());
        }
        groups.forEach((spellings, places) -> {
            out.append("- ").append(String.join(", ", places)).append(":\n");
            spellings.forEach(line -> out.append("    ").append(line).append('\n'));
        });
    }

    private String scopeLine(ConfigProvider provider, List<String> scope, String key) {
        List<String> credentials = ConfigResolver.path(scope, List.of("destination", destination, "credentials"), key);
        List<String> string = ConfigResolver.path(scope, List.of("destination", destination), "credentials");
        List<String> beside = ConfigResolver.path(scope, List.of("destination", destination), key);
        return provider.spelling(credentials) + ", " + provider.spelling(string) + " (a connection string), "
                + provider.spelling(beside);
    }

    /** 'a', 'b' and 'c'. */
    private static String list(List<String> items, String quote) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(i == items.size() - 1 ? " and " : ", ");
            }
            out.append(quote).append(items.get(i)).append(quote);
        }
        return out.toString();
    }
}
