package io.dltjdbc.destination.duckdb;

import io.dltjdbc.destination.SqlDialect;

/** DuckDB spells identifiers and literals the standard way; the type mapping lives with the loader. */
public final class DuckDbDialect implements SqlDialect {
    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {
    }
}
