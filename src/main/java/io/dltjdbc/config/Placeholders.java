package io.dltjdbc.config;

import java.util.Locale;

/**
 * Values that {@code dlt init} writes for the user to replace. dlt treats them as "not configured";
 * so do we, so that a half-filled secrets.toml says which key is missing instead of failing to log in.
 */
public final class Placeholders {
    private Placeholders() {
    }

    public static boolean isPlaceholder(String value) {
        if (value == null) {
            return false;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        return text.equals("<configure me>") || text.contains("please set me up") || text.equals("<please set me up>");
    }

    /** Where a placeholder sits: a file and its line, or an environment variable ({@code line} 0). */
    public record At(String place, int line) {
        @Override
        public String toString() {
            return line > 0 ? place + " line " + line : place;
        }
    }
}
