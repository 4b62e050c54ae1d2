package io.dltjdbc.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One column of a table. Immutable; a column without a type is "incomplete" (known from a hint, no value
 * seen yet) and is not created in the destination until a value fixes its type.
 */
public final class Column {
    private final String name;
    private final DltType type;
    private final boolean nullable;
    private final boolean primaryKey;
    private final boolean mergeKey;
    private final Integer precision;
    private final Integer scale;
    private final String variantOf;
    private final Map<String, String> hints;

    public Column(String name, DltType type, boolean nullable, boolean primaryKey, boolean mergeKey,
                  Integer precision, Integer scale, String variantOf, Map<String, String> hints) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.nullable = nullable;
        this.primaryKey = primaryKey;
        this.mergeKey = mergeKey;
        this.precision = precision;
        this.scale = scale;
        this.variantOf = variantOf;
        this.hints = hints == null || hints.isEmpty()
            ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hints));
    }

    public static Column of(String name, DltType type) {
        return new Column(name, type, true, false, false, null, null, null, null);
    }

    public String name() {
        return name;
    }

    /** The data type, or null for an incomplete column. */
    public DltType type() {
        return type;
    }

    public boolean isComplete() {
        return type != null;
    }

    public boolean nullable() {
        return nullable;
    }

    public boolean primaryKey() {
        return primaryKey;
    }

    public boolean mergeKey() {
        return mergeKey;
    }

    public Integer precision() {
        return precision;
    }

    public Integer scale() {
        return scale;
    }

    /** Name of the column this one is a variant of ({@code x__v_text} -> {@code x}), else null. */
    public String variantOf() {
        return variantOf;
    }

    public Map<String, String> hints() {
        return hints;
    }

    /** Whether a flag hint ({@code partition}, {@code cluster}, {@code unique}, ...) is set and not "false". */
    public boolean hasHint(String hint) {
        String value = hints.get(hint);
        return value != null && !value.equalsIgnoreCase("false");
    }

    public Column withType(DltType newType) {
        return new Column(name, newType, nullable, primaryKey, mergeKey, precision, scale, variantOf, hints);
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, value, primaryKey, mergeKey, precision, scale, variantOf, hints);
    }

    public Column withPrimaryKey(boolean value) {
        return new Column(name, type, value ? false : nullable, value, mergeKey, precision, scale, variantOf,
            hints);
    }

    public Column withMergeKey(boolean value) {
        return new Column(name, type, nullable, primaryKey, value, precision, scale, variantOf, hints);
    }

    /** This column with {@code more} hints added to its own (a hint in both takes the value from {@code more}). */
    public Column withHints(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(hints);
        merged.putAll(more);
        return new Column(name, type, nullable, primaryKey, mergeKey, precision, scale, variantOf, merged);
    }

    public Column withVariantOf(String base) {
        return new Column(name, type, nullable, primaryKey, mergeKey, precision, scale, base, hints);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && name.equals(c.name) && type == c.type && nullable == c.nullable
            && primaryKey == c.primaryKey && mergeKey == c.mergeKey && Objects.equals(precision, c.precision)
            && Objects.equals(scale, c.scale) && Objects.equals(variantOf, c.variantOf) && hints.equals(c.hints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, nullable, primaryKey, mergeKey);
    }

    @Override
    public String toString() {
        return name + " " + (type == null ? "?" : type.dltName()) + (nullable ? "" : " not null")
            + (primaryKey ? " primary key" : "") + (variantOf != null ? " variant of " + variantOf : "");
    }
}
