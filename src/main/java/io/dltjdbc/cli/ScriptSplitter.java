package io.dltjdbc.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons. Semicolons inside {@code '...'}
 * strings, {@code "..."} identifiers (doubled quotes escape), Postgres dollar-quoted strings
 * ({@code $$...$$}, {@code $tag$...$tag$}), {@code --} line comments and
 * {@code /* ... *}{@code /} block comments (nested, as in Postgres) do not split. Comments and blank
 * lines before a statement are dropped; each statement remembers the 1-based line it starts on.
 */
public final class ScriptSplitter {

    /** One statement of a script: its text without the terminating semicolon, and its first line. */
    public record Statement(String sql, int line) {
    }

    /** The script ends inside a string, identifier or comment that starts at {@code line}. */
    public static final class UnterminatedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        UnterminatedException(String what, int line) {
            super("unterminated " + what + " starting here");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private ScriptSplitter() {
    }

    public static List<Statement> split(String script) throws UnterminatedException {
        return scan(script).statements();
    }

    /**
     * Index of the last semicolon that ends a statement (outside strings and comments), or -1 when
     * there is none or the text ends inside a string or comment (more input is needed).
     */
    public static int lastTerminator(String text) {
        try {
            return scan(text).lastTerminator();
        } catch (UnterminatedException e) {
            return -1;
        }
    }

    private record Scan(List<Statement> statements, int lastTerminator) {
    }

    private static Scan scan(String script) throws UnterminatedException {
        List<Statement> out = new ArrayList<>();
        int lastTerminator = -1;
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (startLine >= 0) {
                    current.append(script, i, end);
                }
                i = end;
            } else if (c == '/' && next == '*') {
                int open = line;
                int depth = 0;
                int j = i;
                while (true) {
                    if (j >= n) {
                        throw new UnterminatedException("/* comment", open);
                    }
                    if (script.startsWith("/*", j)) {
                        depth++;
                        j += 2;
                    } else if (script.startsWith("*/", j)) {
                        depth--;
                        j += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        j++;
                    }
                }
                String comment = script.substring(i, j);
                line += count(comment, '\n');
                if (startLine >= 0) {
                    current.append(comment);
                }
                i = j;
            } else if (c == '$' && dollarTag(script, i) != null) {
                // Postgres dollar quoting ($$ ... $$, $body$ ... $body$): function bodies hold semicolons
                String tag = dollarTag(script, i);
                int close = script.indexOf(tag, i + tag.length());
                if (close < 0) {
                    throw new UnterminatedException(tag + "..." + tag + " string", line);
                }
                String quoted = script.substring(i, close + tag.length());
                if (startLine < 0) {
                    startLine = line;
                }
                line += count(quoted, '\n');
                current.append(quoted);
                i = close + tag.length();
            } else if (c == '\'' || c == '"') {
                int open = line;
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new UnterminatedException(c == '\'' ? "'...' string" : "\"...\" identifier", open);
                    }
                    if (script.charAt(j) == c) {
                        if (j + 1 < n && script.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                String quoted = script.substring(i, j + 1);
                if (startLine < 0) {
                    startLine = line;
                }
                line += count(quoted, '\n');
                current.append(quoted);
                i = j + 1;
            } else if (c == ';') {
                if (startLine >= 0) {
                    out.add(new Statement(current.toString().strip(), startLine));
                }
                current.setLength(0);
                startLine = -1;
                lastTerminator = i;
                i++;
            } else {
                if (c == '\n') {
                    line++;
                }
                if (startLine < 0 && !Character.isWhitespace(c)) {
                    startLine = line;
                }
                if (startLine >= 0) {
                    current.append(c);
                }
                i++;
            }
        }
        if (startLine >= 0) {
            out.add(new Statement(current.toString().strip(), startLine));
        }
        return new Scan(out, lastTerminator);
    }

    /**
     * The opening tag ({@code $$} or {@code $name$}) of a dollar-quoted string starting at {@code i}, or null: a
     * {@code $} inside an identifier ({@code a$b}) or a parameter ({@code $1}) starts none.
     */
    private static String dollarTag(String script, int i) {
        if (i > 0 && (Character.isLetterOrDigit(script.charAt(i - 1)) || script.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < script.length() && (Character.isLetter(script.charAt(j)) || script.charAt(j) == '_'
                || j > i + 1 && Character.isDigit(script.charAt(j)))) {
            j++;
        }
        return j < script.length() && script.charAt(j) == '$' ? script.substring(i, j + 1) : null;
    }

    private static int count(String text, char c) {
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
