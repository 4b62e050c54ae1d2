package io.dltjdbc.destination;

/** How a destination spells identifiers and literals. Destination dialects override only their differences. */
public interface SqlDialect {

    /** Quotes an identifier so that no name from data can end the quoted text (SPEC §6). */
    default String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    default String qualified(String dataset, String table) {
        return dataset == null ? quoteIdentifier(table) : quoteIdentifier(dataset) + "." + quoteIdentifier(table);
    }

    /** A string literal for the few places SQL takes no parameter (paths in DuckDB's readers, SET). */
    default String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
