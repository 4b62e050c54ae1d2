package io.dltjdbc.schema;

import java.util.Locale;

public enum WriteDisposition {
    APPEND, REPLACE, MERGE;

    public String dltName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMerge() {
        return this == MERGE;
    }

    public static WriteDisposition fromName(String name) {
        for (WriteDisposition d : values()) {
            if (d.dltName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException(
            "unknown write_disposition '" + name + "'; valid: append, replace, merge");
    }
}
