package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.postgres.PostgresUniqueHintTest;
import io.dltjdbc.testkit.RedshiftOnPostgresSocketFactory;

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
    protected String url() {
        return "jdbc:dlt:redshift:" + pg.location() + "?dataset=" + ds + "&driver_properties=" + RedshiftOnPostgresSocketFactory.DRIVER_PROPERTIES;
    }
}
