package io.dltjdbc.testkit.bigquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough GoogleSQL -> DuckDB for the fake server: backtick identifiers (also {@code `project.dataset.table`}),
 * GoogleSQL string literals ('...' and "..." with backslash escapes), BigQuery type names, and script splitting.
 * Anything else passes through unchanged.
 */
final class GoogleSqlTranslator {
    private static final Map<String, String> TYPES = Map.of(
            "STRING", "VARCHAR", "INT64", "BIGINT", "FLOAT64", "DOUBLE", "BOOL", "BOOLEAN", "BYTES", "BLOB",
            "BIGNUMERIC", "DECIMAL(38, 9)", "TIMESTAMP", "TIMESTAMPTZ", "DATETIME", "TIMESTAMP");

    private GoogleSqlTranslator() {
    }

    /** The statements of a script, split at top-level semicolons (quotes respected), blank ones dropped. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            current.append(c);
            if (quote != 0) {
                if (c == '\\' && quote != '`' && i + 1 < script.length()) {
                    current.append(script.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == ';') {
                current.setLength(current.length() - 1);
                if (!current.toString().isBlank()) {
                    out.add(current.toString().strip());
                }
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    static String translate(String sql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '`') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < sql.length() && sql.charAt(i) != '`') {
                    if (sql.charAt(i) == '\\' && i + 1 < sql.length()) {
                        i++;
                    }
                    name.append(sql.charAt(i++));
                }
                i++;
                out.append(identifier(name.toString()));
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (i < sql.length() && sql.charAt(i) != c) {
                    char d = sql.charAt(i);
                    if (d == '\\' && i + 1 < sql.length()) {
                        char e = sql.charAt(++i);
                        text.append(switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> e;
                        });
                    } else {
                        text.append(d);
                    }
                    i++;
                }
                i++;
                out.append('\'').append(text.toString().replace("'", "''")).append('\'');
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                String word = sql.substring(start, i);
                String upper = word.toUpperCase(Locale.ROOT);
                boolean qualifiedName = start > 0 && sql.charAt(start - 1) == '.';
                if (upper.equals("NUMERIC")) {
                    out.append(nextNonSpace(sql, i) == '(' ? "DECIMAL" : "DECIMAL(38, 9)");
                } else if (TYPES.containsKey(upper) && !qualifiedName && nextNonSpace(sql, i) != '(') {
                    out.append(TYPES.get(upper));
                } else {
                    out.append(word);
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static char nextNonSpace(String sql, int from) {
        for (int i = from; i < sql.length(); i++) {
            if (!Character.isWhitespace(sql.charAt(i))) {
                return sql.charAt(i);
            }
        }
        return 0;
    }

    private static String identifier(String name) {
        String[] parts = name.split("\\.");
        int from = parts.length == 3 ? 1 : 0; // project.dataset.table: the fake has one project
        StringBuilder out = new StringBuilder();
        for (int i = from; i < parts.length; i++) {
            if (i > from) {
                out.append('.');
            }
            out.append('"').append(parts[i].replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }

    static String firstKeyword(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("(")) {
            s = s.substring(1).stripLeading();
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
