package io.dltjdbc.destination;

/** How a destination spells identifiers and literals. Destination dialects override only their differences. */
public interface SqlDialect {

    /** Quotes an identifier so that no name from data can end the quoted text (SPEC §6). */
    default String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A dataset (schema) as SQL names it; destinations with catalogs may qualify it further. */
    default String qualifiedSchema(String dataset) {
        return quoteIdentifier(dataset);
    }

    default String qualified(String dataset, String table) {
        return dataset == null ? quoteIdentifier(table) : qualifiedSchema(dataset) + "." + quoteIdentifier(table);
    }

    /** The table's columns, quoted, in order: {@code "a", "b"}. */
    default String columnList(io.dltjdbc.schema.Table table) {
        java.util.StringJoiner list = new java.util.StringJoiner(", ");
        for (io.dltjdbc.schema.Column column : table.columns()) {
            list.add(quoteIdentifier(column.name()));
        }
        return list.toString();
    }

    /**
     * A merge's match between an existing row (alias {@code existing}) and a staged one ({@code incoming}):
     * all primary key columns equal, or all merge key columns equal.
     */
    default String keyMatch(java.util.List<String> primaryKey, java.util.List<String> mergeKey, String existing, String incoming) {
        java.util.List<String> alternatives = new java.util.ArrayList<>();
        for (java.util.List<String> keys : java.util.List.of(primaryKey, mergeKey)) {
            if (keys.isEmpty()) {
                continue;
            }
            java.util.StringJoiner all = new java.util.StringJoiner(" AND ", "(", ")");
            for (String key : keys) {
                all.add(existing + "." + quoteIdentifier(key) + " = " + incoming + "." + quoteIdentifier(key));
            }
            alternatives.add(all.toString());
        }
        return String.join(" OR ", alternatives);
    }

    /**
     * Whether a column's {@code unique} hint becomes a UNIQUE constraint (dlt's {@code create_indexes}). Off by
     * default, and so on DuckDB: it can't add a column with a constraint or add one to an existing table
     * (ALTER TABLE), so the hint would hold for some columns and not others, and its ART index slows every load
     * (dlt's duckdb leaves {@code create_indexes} off too). BigQuery has no enforced unique constraint at all.
     */
    default boolean declaresUnique() {
        return false;
    }

    /** A string literal for the few places SQL takes no parameter (paths in DuckDB's readers, SET). */
    default String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
