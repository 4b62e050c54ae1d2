package io.dltjdbc.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dltjdbc.DltDataSource;
import io.dltjdbc.testkit.EmbeddedPostgresExtension;
import io.dltjdbc.testkit.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** DltDataSource: bean properties become the jdbc:dlt: URL and Properties; it works behind a pool. */
@ExtendWith(EmbeddedPostgresExtension.class)
class DltDataSourceTest {
    @TempDir
    Path dir;

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private DltDataSource duckdb() {
        DltDataSource ds = new DltDataSource();
        ds.setDestination("duckdb");
        ds.setLocation(dir.resolve("pool.duckdb").toString());
        ds.setDataset("analytics");
        ds.setPipeline("pooled");
        ds.setProjectDir(dir.toString());
        return ds;
    }

    /** The embedded server's address as bean properties; user and password are up to the test. */
    private static DltDataSource postgres(EmbeddedPostgresServer pg) {
        DltDataSource ds = new DltDataSource();
        ds.setDestination("postgres");
        ds.setCredential("host", pg.host());
        ds.setProperty("port", Integer.toString(pg.port()));
        ds.setProperty("database", EmbeddedPostgresServer.DATABASE);
        return ds;
    }

    @Test
    void beanPropertiesOpenADuckDbConnectionWithDatasetAndPipeline() throws SQLException {
        DltDataSource ds = duckdb();
        assertEquals("jdbc:dlt:duckdb:" + dir.resolve("pool.duckdb"), ds.getUrl());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals("analytics", c.getSchema());
            s.execute("LOAD PIPELINE pooled FROM JSON '[{\"id\": 1}, {\"id\": 2}]' INTO events");
            assertEquals(2, count(c, "SELECT count(*) FROM events"));
            assertEquals(2, count(c, "SELECT count(*) FROM analytics.events"));
        }
    }

    @Test
    void credentialsGoAsPropertiesAndGetConnectionUserPasswordSetsThem(EmbeddedPostgresServer pg) throws SQLException {
        DltDataSource ds = postgres(pg);
        ds.setDataset("ds_datasource");
        ds.setLoginTimeout(5);
        assertEquals("jdbc:dlt:postgres:", ds.getUrl(), "no secret in the URL");
        try (Connection c = ds.getConnection(EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO items");
            assertEquals(1, count(c, "SELECT count(*) FROM ds_datasource.items"));
        }
        SQLException wrong = assertThrows(SQLException.class, () -> ds.getConnection(EmbeddedPostgresServer.USER, "wrong"));
        assertTrue(wrong.getSQLState().startsWith("28"), wrong.getSQLState() + " " + wrong.getMessage());
        assertFalse(wrong.getMessage().contains(EmbeddedPostgresServer.PASSWORD));
    }

    @Test
    void anUnknownKeyOrNoDestinationIsAClearError() {
        DltDataSource ds = duckdb();
        ds.setProperty("no_such_key", "x");
        SQLException unknown = assertThrows(SQLException.class, ds::getConnection);
        assertTrue(unknown.getMessage().contains("no_such_key"), unknown.getMessage());
        SQLException none = assertThrows(SQLException.class, () -> new DltDataSource().getConnection());
        assertTrue(none.getMessage().contains("destination"), none.getMessage());
    }

    @Test
    void dataSourceContract() throws SQLException {
        DltDataSource ds = duckdb();
        assertSame(ds, ds.unwrap(DltDataSource.class));
        assertSame(ds, ds.unwrap(DataSource.class));
        assertTrue(ds.isWrapperFor(DataSource.class));
        assertFalse(ds.isWrapperFor(String.class));
        assertThrows(SQLException.class, () -> ds.unwrap(String.class));
        ds.setLoginTimeout(7);
        assertEquals(7, ds.getLoginTimeout());
        PrintWriter log = new PrintWriter(new StringWriter());
        ds.setLogWriter(log);
        assertSame(log, ds.getLogWriter());
        assertEquals("io.dltjdbc", ds.getParentLogger().getName());
        assertEquals("analytics", ds.getDataset());
        assertEquals("pooled", ds.getPipeline());
        assertEquals(dir.toString(), ds.getProjectDir());
    }

    /**
     * HikariCP over the DataSource, 8 threads sharing 4 pooled connections, half loads and half queries, all into
     * one table that the first loads race to create: every statement succeeds first time (loads take turns on
     * the dataset instead of conflicting), and the table holds every thread's rows exactly once.
     */
    private static void eightThreadsOfLoadsAndQueries(DataSource source, String dataset) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setMaximumPoolSize(4);
        config.setPoolName("dlt-jdbc-test");
        int threads = 8;
        int rounds = 6;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(executor.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                            if (round % 2 == 0) {
                                s.execute("LOAD PIPELINE pooled_" + thread + " FROM JSON '[{\"thread\": " + thread + ", \"round\": "
                                        + round + ", \"tags\": [\"a\", \"b\"]}]' INTO " + dataset + ".events");
                            } else {
                                count(c, "SELECT count(*) FROM " + dataset + ".events WHERE thread = " + thread);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            executor.shutdown();
            try (Connection c = pool.getConnection()) {
                assertEquals(threads * 3, count(c, "SELECT count(*) FROM " + dataset + ".events"));
                assertEquals(threads * 3, count(c, "SELECT count(DISTINCT 100 * thread + round) FROM " + dataset + ".events"));
                assertEquals(threads * 6, count(c, "SELECT count(*) FROM " + dataset + ".events__tags"));
                assertEquals(threads * 3, count(c, "SELECT count(*) FROM " + dataset + "._dlt_loads WHERE status = 0"));
            }
        }
    }

    @Test
    void hikariPoolRunsEightThreadsOfLoadsAndQueriesOnOneDuckDbFile() throws Exception {
        eightThreadsOfLoadsAndQueries(duckdb(), "shared");
    }

    @Test
    void hikariPoolRunsEightThreadsOfLoadsAndQueriesOnPostgres(EmbeddedPostgresServer pg) throws Exception {
        DltDataSource ds = postgres(pg);
        ds.setCredential("username", EmbeddedPostgresServer.USER);
        ds.setCredential("password", EmbeddedPostgresServer.PASSWORD);
        eightThreadsOfLoadsAndQueries(ds, "pooled_" + Long.toString(System.nanoTime() % 1_000_000, 36));
    }

    @Test
    void hikariConfiguresTheDataSourceByClassNameAndBeanProperties() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName("io.dltjdbc.DltDataSource");
        config.addDataSourceProperty("destination", "duckdb");
        config.addDataSourceProperty("location", dir.resolve("by-name.duckdb").toString());
        config.addDataSourceProperty("dataset", "analytics");
        config.addDataSourceProperty("projectDir", dir.toString());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config);
                Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("LOAD PIPELINE p FROM JSON '[{\"id\": 1}]' INTO events");
            assertEquals(1, count(c, "SELECT count(*) FROM analytics.events"));
        }
    }
}
