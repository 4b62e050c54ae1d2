package io.dltjdbc.sql;

/**
 * Turns a character offset into the 1-based {@code line:column} users see in editors. Computed
 * only when an error is reported, so the lexer does not pay for tracking lines on every token.
 */
final class Position {

    private Position() {
    }

    static String of(String sql, int offset) {
        int line = 1;
        int column = 1;
        int stop = Math.min(offset, sql.length());
        for (int i = 0; i < stop; i++) {
            char c = sql.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return line + ":" + column;
    }
}
