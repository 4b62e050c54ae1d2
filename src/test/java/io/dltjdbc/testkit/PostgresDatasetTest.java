package io.dltjdbc.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the test classes that load into the embedded PostgreSQL, each test into a dataset of its own,
 * through {@code jdbc:dlt:postgres:} or, in the Redshift subclasses, through {@code jdbc:dlt:redshift:} (the
 * Redshift driver against the same server, REFERENCE.md).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
public abstract class PostgresDatasetTest {
    private static final AtomicInteger DATASETS = new AtomicInteger();

    protected EmbeddedPostgresServer pg;
    protected String ds;

    @BeforeEach
    protected void setUp(EmbeddedPostgresServer server) {
        this.pg = server;
        this.ds = prefix() + "_ds" + DATASETS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100000, 36);
    }

    /** Starts the dataset names of the class, so classes never share one. */
    protected abstract String prefix();

    /** Whether the class runs through the Redshift driver and loader. */
    protected boolean throughRedshift() {
        return false;
    }

    /** The dlt URL of the destination under test, with the test's dataset. */
    protected String url() {
        return throughRedshift()
                ? "jdbc:dlt:redshift:" + pg.location() + "?dataset=" + ds + "&driver_properties="
                        + RedshiftOnPostgresSocketFactory.DRIVER_PROPERTIES
                : "jdbc:dlt:postgres:" + pg.location() + "?dataset=" + ds;
    }
}
