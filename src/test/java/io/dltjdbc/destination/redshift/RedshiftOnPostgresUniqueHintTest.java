package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.postgres.PostgresUniqueHintTest;

/**
 * The {@code unique} hint tests through {@code jdbc:dlt:redshift:} (the Redshift driver and loader, UNIQUE as a
 * column constraint and, after ADD COLUMN, as a table constraint) against the embedded PostgreSQL, which
 * enforces what real Redshift only records.
 */
class RedshiftOnPostgresUniqueHintTest extends PostgresUniqueHintTest {

    @Override
    protected String prefix() {
        return "rsu";
    }

    @Override
    protected boolean throughRedshift() {
        return true;
    }
}
