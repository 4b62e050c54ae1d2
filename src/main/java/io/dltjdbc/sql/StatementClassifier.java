package io.dltjdbc.sql;

import io.dltjdbc.sql.Classification.Kind;
import io.dltjdbc.sql.Token.TokenType;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether dlt-jdbc or the destination runs a statement. It runs on every statement, so
 * it reads at most the first three words with the lazy {@link Lexer} (comments skipped) and never
 * parses. Only bare keywords count: {@code SHOW "loads"} reaches the destination, which is how
 * a DuckDB user describes a table that happens to be named {@code loads}.
 *
 * <p>jsqlparser is deliberately not used: it would cost a full parse per statement and fails on
 * dialect SQL, while the first keyword already answers the question.
 */
public final class StatementClassifier {

    private static final Set<String> SHOW_COMMANDS = Set.of("PIPELINES", "LOADS", "PIPELINE",
            "REJECTED");
    private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "SHOW",
            "DESCRIBE", "DESC", "EXPLAIN", "PRAGMA", "TABLE", "FROM", "SUMMARIZE");
    /** A top-level one of these makes {@code WITH ...} a data change, not a query. */
    private static final Set<String> DATA_CHANGES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

    private StatementClassifier() {
    }

    public static Classification classify(String sql) {
        try {
            return classifyTokens(sql);
        } catch (SQLException unreachableInLenientMode) {
            return new Classification(Kind.PASSTHROUGH, sql, false);
        }
    }

    private static Classification classifyTokens(String sql) throws SQLException {
        Lexer lexer = new Lexer(sql, true);
        Token first = lexer.next();
        Token second = lexer.next();
        if (first.isKeyword("LOAD") && second.isKeyword("PIPELINE")) {
            return new Classification(Kind.LOAD_PIPELINE, sql, true);
        }
        if (first.isKeyword("EXPLAIN") && second.isKeyword("LOAD")
                && lexer.next().isKeyword("PIPELINE")) {
            return new Classification(Kind.EXPLAIN_LOAD_PIPELINE, sql, true);
        }
        if (first.isKeyword("SHOW") && second.type() == TokenType.WORD
                && SHOW_COMMANDS.contains(upper(second))) {
            return new Classification(Kind.PIPELINE_COMMAND, sql, true);
        }
        if (first.isKeyword("DROP") && second.isKeyword("PIPELINE")) {
            return new Classification(Kind.PIPELINE_COMMAND, sql, false);
        }
        return new Classification(Kind.PASSTHROUGH, sql, isQuery(first, second, lexer));
    }

    private static boolean isQuery(Token first, Token second, Lexer lexer) throws SQLException {
        if (first.isSymbol("(")) {
            return true; // (SELECT ...) UNION ...
        }
        if (first.type() != TokenType.WORD || !QUERY_STARTS.contains(upper(first))) {
            return false;
        }
        return !first.isKeyword("WITH") || !withChangesData(second, lexer);
    }

    /** {@code WITH x AS (...) INSERT ...} (Postgres) returns a count; scan top-level words. */
    private static boolean withChangesData(Token token, Lexer lexer) throws SQLException {
        int depth = 0;
        for (Token t = token; !t.isEnd(); t = lexer.next()) {
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.type() == TokenType.WORD) {
                String word = upper(t);
                if (DATA_CHANGES.contains(word)) {
                    return true;
                }
                if (word.equals("SELECT") || word.equals("VALUES") || word.equals("TABLE")) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String upper(Token token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
