package io.dltjdbc.destination.redshift;

import io.dltjdbc.destination.postgres.PostgresLoadTest;

/**
 * Every Postgres load test again, through {@code jdbc:dlt:redshift:}: the Redshift JDBC driver, the
 * Redshift types and the multi-row INSERT loader, against the embedded PostgreSQL (REFERENCE: the
 * driver needs ssl=false and the test socket factory; the server has {@code super}, {@code varbinary}
 * and {@code json_parse} defined for it).
 */
class RedshiftOnPostgresLoadTest extends PostgresLoadTest {

    @Override
    protected String prefix() {
        return "rs";
    }

    @Override
    protected boolean throughRedshift() {
        return true;
    }

    @Override
    protected String jsonType() {
        return "jsonb"; // super is a domain over jsonb on the test server; information_schema shows the base type
    }

    @Override
    protected int maxIdentifierLength() {
        return 63; // PostgreSQL underneath still truncates at 63; Redshift's 127 is pinned by the golden tests
    }
}
