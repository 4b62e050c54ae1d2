package io.dltjdbc.schema;

import java.util.Locale;

/** dlt's schema evolution modes; one mode governs new tables, new columns and variant columns alike. */
public enum SchemaContract {
    EVOLVE, FREEZE, DISCARD_ROW, DISCARD_VALUE;

    public String dltName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SchemaContract fromName(String name) {
        for (SchemaContract c : values()) {
            if (c.dltName().equalsIgnoreCase(name == null ? "" : name.strip().replace('-', '_'))) {
                return c;
            }
        }
        throw new IllegalArgumentException(
            "unknown schema_contract '" + name + "'; valid: evolve, freeze, discard_row, discard_value");
    }
}
