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

    /** A string literal for the few places SQL takes no parameter (paths in DuckDB's readers, SET). */
    default String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
