package io.dltjdbc.destination.duckdb;

import io.dltjdbc.destination.SqlDialect;

/**
 * DuckDB spells identifiers and literals the standard way, but names must carry the catalog: a
 * database file {@code shop.duckdb} is catalog {@code shop}, so a dataset {@code shop} would make
 * {@code "shop"."orders"} ambiguous ("catalog or schema?"). Qualified names are always
 * {@code "catalog"."dataset"."table"}.
 */
public final class DuckDbDialect implements SqlDialect {
    private final String catalog;

    DuckDbDialect(String catalog) {
        this.catalog = catalog;
    }

    @Override
    public String qualifiedSchema(String dataset) {
        return quoteIdentifier(catalog) + "." + quoteIdentifier(dataset);
    }
}
