package io.dltjdbc.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * dlt's {@code snake_case} naming convention (DLT-SEMANTICS §1). Results are cached because the same keys
 * arrive in every record.
 */
public final class NamingConvention {
    public static final String PATH_SEPARATOR = "__";
    /** dlt's tag length: 4 bytes of SHAKE-128 for a 0.001 collision probability, case-insensitive base64. */
    private static final int TAG_BYTES = 4;
    /** Python's {@code \d} is any Unicode decimal digit; Java's is ASCII only, hence {@code \p{Nd}}. */
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-zA-Z\\p{Nd}_]+");
    private static final Pattern BREAK_1 = Pattern.compile("([^_])([A-Z][a-z]+)");
    private static final Pattern BREAK_2 = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern UNDERSCORES = Pattern.compile("__+");
    private static final Pattern LEADING_DIGITS = Pattern.compile("^\\p{Nd}+");
    private static final int CACHE_LIMIT = 100_000;

    private final int maxIdentifierLength;
    private final Map<String, String> identifierCache = new ConcurrentHashMap<>();
    private final Map<String, String> pathCache = new ConcurrentHashMap<>();

    public NamingConvention(int maxIdentifierLength) {
        if (maxIdentifierLength <= TAG_BYTES * 2) {
            throw new IllegalArgumentException("maxIdentifierLength too small: " + maxIdentifierLength);
        }
        this.maxIdentifierLength = maxIdentifierLength;
    }

    public int maxIdentifierLength() {
        return maxIdentifierLength;
    }

    /** Normalizes one identifier; an empty or blank name is an error, as in dlt. */
    public String normalizeIdentifier(String name) {
        if (name == null) {
            throw new IllegalArgumentException("identifier is null");
        }
        String cached = identifierCache.get(name);
        if (cached != null) {
            return cached;
        }
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("identifier is empty: '" + name + "'");
        }
        String result = shorten(toSnakeCase(reduceAlphabet(stripped)), stripped);
        remember(identifierCache, name, result);
        return result;
    }

    /** Splits on {@code __}, drops empty parts, normalizes each part and shortens the joined path. */
    public String normalizePath(String path) {
        String cached = pathCache.get(path);
        if (cached != null) {
            return cached;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split(PATH_SEPARATOR, -1)) {
            if (!part.isBlank()) {
                parts.add(normalizeIdentifier(part));
            }
        }
        String result = shorten(String.join(PATH_SEPARATOR, parts), path);
        remember(pathCache, path, result);
        return result;
    }

    /** Joins already normalized parts (blank ones dropped) and shortens the result. */
    public String makePath(String... normalizedParts) {
        StringBuilder joined = new StringBuilder();
        for (String part : normalizedParts) {
            if (part != null && !part.isBlank()) {
                if (joined.length() > 0) {
                    joined.append(PATH_SEPARATOR);
                }
                joined.append(part);
            }
        }
        return shorten(joined.toString());
    }

    /** Shortens with a tag computed from the identifier itself (dlt's {@code shorten_fragments}). */
    public String shorten(String identifier) {
        return shorten(identifier, identifier);
    }

    /**
     * dlt computes the tag from the <em>original</em> (not yet normalized) identifier, so two raw names that
     * normalize alike still get different tags.
     */
    String shorten(String normalized, String original) {
        if (normalized.length() <= maxIdentifierLength) {
            return normalized;
        }
        String tag = tag(original);
        int remaining = maxIdentifierLength - tag.length();
        int head = remaining / 2 + remaining % 2;
        int tail = remaining / 2;
        return normalized.substring(0, head) + tag + normalized.substring(normalized.length() - tail);
    }

    static String tag(String identifier) {
        byte[] digest = Shake128.digest(identifier.getBytes(StandardCharsets.UTF_8), TAG_BYTES);
        String base64 = Base64.getEncoder().withoutPadding().encodeToString(digest);
        return base64.replace('/', 'a').replace('+', 'b').toLowerCase(Locale.ROOT);
    }

    private static String reduceAlphabet(String identifier) {
        StringBuilder out = new StringBuilder(identifier.length());
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            switch (c) {
                case '+', '*' -> out.append('x');
                case '-' -> out.append('_');
                case '@' -> out.append('a');
                case '|' -> out.append('l');
                default -> out.append(c);
            }
        }
        return NON_ALPHANUMERIC.matcher(out).replaceAll("_");
    }

    private static String toSnakeCase(String identifier) {
        String s = BREAK_1.matcher(identifier).replaceAll("$1_$2");
        s = BREAK_2.matcher(s).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        if (LEADING_DIGITS.matcher(s).lookingAt()) {
            s = "_" + s;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '_') {
            end--;
        }
        // every trailing underscore becomes an "x" (so "name_" and "name" stay distinct)
        s = s.substring(0, end) + "x".repeat(s.length() - end);
        return UNDERSCORES.matcher(s).replaceAll("_");
    }

    /** Caches are bounded so that data with unbounded key sets cannot exhaust memory. */
    private static void remember(Map<String, String> cache, String key, String value) {
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, value);
        }
    }
}
