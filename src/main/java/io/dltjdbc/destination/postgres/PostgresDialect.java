package io.dltjdbc.destination.postgres;

import io.dltjdbc.destination.SqlDialect;

/** PostgreSQL (and Redshift) spell identifiers and literals the standard way: double quotes, case-sensitive. */
public final class PostgresDialect implements SqlDialect {
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    /** PostgreSQL enforces UNIQUE (a merge's delete-insert of the same value passes); Redshift records it unenforced. */
    @Override
    public boolean declaresUnique() {
        return true;
    }
}
