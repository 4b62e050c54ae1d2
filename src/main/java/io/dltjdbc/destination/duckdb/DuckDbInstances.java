package io.dltjdbc.destination.duckdb;

import io.dltjdbc.driver.DltSqlState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB database instance per file per JVM (REFERENCE: DBeaver holds DuckDB's file lock while
 * connected). Every dlt connection to a file gets a {@code duplicate()} of one pinned connection, so
 * loading and browsing in the same tool work together; the instance closes with its last user
 * (each user calls {@link #release} after closing its duplicate).
 */
final class DuckDbInstances {
    private static final Map<Path, Instance> OPEN = new HashMap<>();
    private static final Map<Path, ReentrantLock> LOAD_LOCKS = new ConcurrentHashMap<>();

    private DuckDbInstances() {
    }

    private static final class Instance {
        final DuckDBConnection pinned;
        int users;

        Instance(DuckDBConnection pinned) {
            this.pinned = pinned;
        }
    }

    static synchronized Connection open(Path file) throws SQLException {
        Instance instance = OPEN.get(file);
        if (instance == null || instance.pinned.isClosed()) {
            DuckDBConnection pinned;
            try {
                pinned = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
            } catch (SQLException e) {
                throw DltSqlState.CONNECTION_UNABLE_TO_CONNECT.exception(
                        "cannot open the DuckDB database " + file + ": " + e.getMessage(), e);
            }
            instance = new Instance(pinned);
            OPEN.put(file, instance);
        }
        Connection connection = instance.pinned.duplicate();
        instance.users++;
        return connection;
    }

    /** The lock loads into this database file take (DuckDbLoader); kept for the JVM's life, one per file. */
    static ReentrantLock loadLock(Path file) {
        return LOAD_LOCKS.computeIfAbsent(file, f -> new ReentrantLock(true));
    }

    static Connection openInMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    static synchronized void release(Path file) throws SQLException {
        Instance instance = OPEN.get(file);
        if (instance != null && --instance.users <= 0) {
            OPEN.remove(file);
            instance.pinned.close();
        }
    }
}
