package io.dltjdbc.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code columns} option of LOAD PIPELINE, e.g.
 * {@code "id bigint not null, ts timestamp, amount decimal(10,2), region text partition"}.
 * Names are kept raw here and normalized by the normalizer with the destination's naming.
 */
public final class ColumnHints {
    private static final List<String> FLAG_HINTS = List.of("partition", "cluster", "sort", "unique", "distkey");
    private static final ColumnHints EMPTY = new ColumnHints(List.of());

    /** One hinted column. {@code type} is null when only hints were given ({@code "id primary key"}). */
    public record Hint(String name, DltType type, Integer precision, Integer scale, Boolean nullable,
                       boolean primaryKey, boolean mergeKey, Map<String, String> flags) {
    }

    private final List<Hint> hints;

    private ColumnHints(List<Hint> hints) {
        this.hints = List.copyOf(hints);
    }

    public static ColumnHints empty() {
        return EMPTY;
    }

    public List<Hint> hints() {
        return hints;
    }

    public boolean isEmpty() {
        return hints.isEmpty();
    }

    public static ColumnHints parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return EMPTY;
        }
        List<Hint> result = new ArrayList<>();
        for (String entry : splitEntries(spec)) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("columns: empty column definition in '" + spec + "'");
            }
            result.add(parseEntry(entry.strip(), spec));
        }
        return new ColumnHints(result);
    }

    /** Splits on commas outside parentheses and quotes, so {@code decimal(10,2)} stays whole. */
    private static List<String> splitEntries(String spec) {
        List<String> entries = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                entries.add(spec.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted || depth != 0) {
            throw new IllegalArgumentException("columns: unbalanced " + (quoted ? "quote" : "parenthesis")
                + " in '" + spec + "'");
        }
        entries.add(spec.substring(start));
        return entries;
    }

    private static Hint parseEntry(String entry, String spec) {
        int pos;
        String name;
        if (entry.startsWith("\"")) {
            int end = entry.indexOf('"', 1);
            name = entry.substring(1, end);
            pos = end + 1;
        } else {
            int end = 0;
            while (end < entry.length() && !Character.isWhitespace(entry.charAt(end))) {
                end++;
            }
            name = entry.substring(0, end);
            pos = end;
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("columns: missing column name in '" + entry + "'");
        }
        List<String> words = new ArrayList<>(List.of(entry.substring(pos).strip().split("\\s+")));
        words.removeIf(String::isEmpty);
        DltType type = null;
        Integer precision = null;
        Integer scale = null;
        Boolean nullable = null;
        boolean primaryKey = false;
        boolean mergeKey = false;
        Map<String, String> flags = new LinkedHashMap<>();
        int i = 0;
        if (i < words.size() && !isKeyword(words.get(i))) {
            String typeWord = words.get(i++);
            // "double precision" and "character varying" are two-word SQL types
            if (i < words.size() && (typeWord.equalsIgnoreCase("double") && words.get(i).equalsIgnoreCase("precision")
                || typeWord.equalsIgnoreCase("character") && words.get(i).toLowerCase(Locale.ROOT).startsWith("varying"))) {
                typeWord = typeWord + " " + words.get(i++);
            }
            String base = typeWord;
            int paren = typeWord.indexOf('(');
            if (paren >= 0) {
                if (!typeWord.endsWith(")")) {
                    throw new IllegalArgumentException("columns: bad type '" + typeWord + "' for column '" + name + "'");
                }
                base = typeWord.substring(0, paren);
                String[] args = typeWord.substring(paren + 1, typeWord.length() - 1).split(",");
                try {
                    precision = Integer.parseInt(args[0].strip());
                    if (args.length > 1) {
                        scale = Integer.parseInt(args[1].strip());
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("columns: bad precision/scale in '" + typeWord
                        + "' for column '" + name + "'");
                }
                if (args.length > 2) {
                    throw new IllegalArgumentException("columns: too many type arguments in '" + typeWord + "'");
                }
            }
            try {
                type = DltType.fromName(base.replaceAll("\\s*varying.*", " varying"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("columns: column '" + name + "': " + e.getMessage(), e);
            }
        }
        while (i < words.size()) {
            String word = words.get(i++).toLowerCase(Locale.ROOT);
            String next = i < words.size() ? words.get(i).toLowerCase(Locale.ROOT) : "";
            if (word.equals("not") && next.equals("null")) {
                nullable = false;
                i++;
            } else if (word.equals("null")) {
                nullable = true;
            } else if (word.equals("primary") && next.equals("key")) {
                primaryKey = true;
                i++;
            } else if (word.equals("merge") && next.equals("key")) {
                mergeKey = true;
                i++;
            } else if (FLAG_HINTS.contains(word)) {
                flags.put(word, "true");
            } else {
                throw new IllegalArgumentException("columns: unexpected '" + words.get(i - 1) + "' in definition of '"
                    + name + "'; expected a type (" + DltType.validNames()
                    + ") followed by: not null, null, primary key, merge key, " + String.join(", ", FLAG_HINTS));
            }
        }
        return new Hint(name, type, precision, scale, nullable, primaryKey, mergeKey, flags);
    }

    private static boolean isKeyword(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("not") || w.equals("null") || w.equals("primary") || w.equals("merge")
            || FLAG_HINTS.contains(w);
    }
}
