package io.dltjdbc.schema;

import java.util.Locale;

public enum MergeStrategy {
    DELETE_INSERT, UPSERT, INSERT_ONLY;

    public String dltName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** upsert and insert-only identify root rows by a hash of the primary key instead of a random id. */
    public boolean usesKeyHash() {
        return this != DELETE_INSERT;
    }

    public static MergeStrategy fromName(String name) {
        for (MergeStrategy s : values()) {
            if (s.dltName().equalsIgnoreCase(name == null ? "" : name.strip().replace('_', '-'))) {
                return s;
            }
        }
        throw new IllegalArgumentException(
            "unknown merge_strategy '" + name + "'; valid: delete-insert, upsert, insert-only");
    }
}
