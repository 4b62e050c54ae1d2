package io.dltjdbc.sql;

/**
 * One lexical token of a statement.
 *
 * @param type       what kind of token
 * @param text       the raw text as written (quotes included)
 * @param value      the meaning: unescaped content for strings and quoted identifiers, else the text
 * @param offset     index of the first character in the statement, for error positions
 * @param paramIndex 1-based index of a {@code ?} marker in text order, 0 for other tokens
 */
record Token(TokenType type, String text, String value, int offset, int paramIndex) {

    enum TokenType { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, PARAMETER, SYMBOL, END }

    int end() {
        return offset + text.length();
    }

    /** Keywords are case-insensitive and only ever bare words, so {@code "LOAD"} is not LOAD. */
    boolean isKeyword(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    boolean isEnd() {
        return type == TokenType.END;
    }

    /** How the token reads in "but found ..." messages. */
    String describe() {
        return switch (type) {
            case END -> "end of statement";
            case STRING -> "string literal";
            case PARAMETER -> "parameter marker '?'";
            default -> "'" + text + "'";
        };
    }
}
