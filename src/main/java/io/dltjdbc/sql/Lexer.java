package io.dltjdbc.sql;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.sql.Token.TokenType;
import java.sql.SQLException;

/**
 * Splits SQL text into tokens on demand, skipping whitespace and comments ({@code -- ...} and
 * nestable {@code /* ... * /}). Lazy so that the classifier, which runs on every statement,
 * reads only the first few words.
 *
 * <p>In lenient mode (classification of arbitrary destination SQL) an unterminated comment,
 * string or quoted identifier ends the token stream instead of failing: the destination, not
 * dlt-jdbc, should report errors in SQL it owns.
 */
final class Lexer {

    private final String sql;
    private final boolean lenient;
    private int pos;
    private int parameters;

    Lexer(String sql, boolean lenient) {
        this.sql = sql;
        this.lenient = lenient;
    }

    Token next() throws SQLException {
        if (!skipSpaceAndComments()) {
            return end();
        }
        int start = pos;
        char c = sql.charAt(pos);
        if (isIdentifierStart(c)) {
            pos++;
            while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                pos++;
            }
            return token(TokenType.WORD, start, sql.substring(start, pos));
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length()
                && Character.isDigit(sql.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == '\'') {
            return quoted(start, '\'', TokenType.STRING, "string literal");
        }
        if (c == '"') {
            return quoted(start, '"', TokenType.QUOTED_IDENTIFIER, "quoted identifier");
        }
        pos++;
        if (c == '?') {
            parameters++;
            return new Token(TokenType.PARAMETER, "?", "?", start, parameters);
        }
        return token(TokenType.SYMBOL, start, String.valueOf(c));
    }

    private Token end() {
        return new Token(TokenType.END, "", "", sql.length(), 0);
    }

    private Token token(TokenType type, int start, String value) {
        return new Token(type, sql.substring(start, pos), value, start, 0);
    }

    private Token number(int start) {
        digits();
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                digits();
            } else {
                pos = mark; // "1e" is a number followed by a word, not a broken exponent
            }
        }
        return token(TokenType.NUMBER, start, sql.substring(start, pos));
    }

    private void digits() {
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
    }

    /** A quote character written twice stands for itself; literals may span lines. */
    private Token quoted(int start, char quote, TokenType type, String what) throws SQLException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c != quote) {
                value.append(c);
            } else if (pos < sql.length() && sql.charAt(pos) == quote) {
                value.append(quote);
                pos++;
            } else {
                return token(type, start, value.toString());
            }
        }
        if (lenient) {
            return end();
        }
        throw DltSqlState.SYNTAX_ERROR.exception(
                "unterminated " + what + " starting at " + Position.of(sql, start));
    }

    /** @return false at the end of the text (or of a lenient scan) */
    private boolean skipSpaceAndComments() throws SQLException {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int eol = indexOfLineEnd(pos);
                pos = eol < 0 ? sql.length() : eol;
            } else if (sql.startsWith("/*", pos)) {
                if (!skipBlockComment()) {
                    return false;
                }
            } else {
                return true;
            }
        }
        return false;
    }

    private int indexOfLineEnd(int from) {
        for (int i = from; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n' || sql.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Nesting as in Postgres and the SQL standard, so a commented-out comment stays out. */
    private boolean skipBlockComment() throws SQLException {
        int start = pos;
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return true;
                }
            } else {
                pos++;
            }
        }
        if (lenient) {
            return false;
        }
        throw DltSqlState.SYNTAX_ERROR.exception(
                "unterminated comment starting at " + Position.of(sql, start));
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
