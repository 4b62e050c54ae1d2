package io.dltjdbc.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain SQL through a dlt connection reaches DuckDB unchanged and comes back with its types. */
class PassthroughTest {
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:dlt:duckdb::memory:?dataset=ds");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void ddlDmlAndSelectKeepEveryType() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE typed (i BIGINT, d DOUBLE, n DECIMAL(18,4), t VARCHAR, ts TIMESTAMPTZ, dt DATE, b BOOLEAN, bl BLOB)");
        }
        OffsetDateTime when = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, 9_000_000_000L);
            insert.setDouble(2, 1.5);
            insert.setBigDecimal(3, new BigDecimal("12.3456"));
            insert.setString(4, "héllo");
            insert.setObject(5, when);
            insert.setObject(6, LocalDate.of(2024, 2, 29));
            insert.setBoolean(7, true);
            insert.setBytes(8, new byte[] {1, 2, 3});
            assertEquals(1, insert.executeUpdate());
            for (int i = 1; i <= 8; i++) {
                insert.setNull(i, Types.NULL);
            }
            assertEquals(1, insert.executeUpdate());
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM typed ORDER BY i NULLS LAST")) {
            assertTrue(rs.next());
            assertEquals(9_000_000_000L, rs.getLong("i"));
            assertEquals(1.5, rs.getDouble("d"));
            assertEquals(new BigDecimal("12.3456"), rs.getBigDecimal("n"));
            assertEquals("héllo", rs.getString("t"));
            assertEquals(when.toInstant(), rs.getObject("ts", OffsetDateTime.class).toInstant());
            assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("dt", LocalDate.class));
            assertTrue(rs.getBoolean("b"));
            assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes("bl"));
            assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(1));
            assertEquals(Types.DECIMAL, rs.getMetaData().getColumnType(3));
            assertTrue(rs.next());
            rs.getLong("i");
            assertTrue(rs.wasNull());
            assertNull(rs.getString("t"));
            assertNull(rs.getObject("ts"));
            assertFalse(rs.next());
        }
    }

    @Test
    void updateCountsComeFromTheDestination() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (x INT)");
            assertEquals(3, s.executeUpdate("INSERT INTO t VALUES (1), (2), (3)"));
            assertFalse(s.execute("UPDATE t SET x = x + 1 WHERE x > 1"));
            assertEquals(2, s.getUpdateCount());
        }
    }

    @Test
    void batchesPassThrough() throws SQLException {
        connection.createStatement().execute("CREATE TABLE b (x INT)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO b VALUES (?)")) {
            for (int i = 0; i < 5; i++) {
                insert.setInt(1, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT sum(x) FROM b")) {
            assertTrue(rs.next());
            assertEquals(10, rs.getInt(1));
        }
    }

    @Test
    void everyBackReferenceIsTheDltConnection() throws SQLException {
        Statement statement = connection.createStatement();
        assertSame(connection, statement.getConnection());
        ResultSet rs = statement.executeQuery("SELECT 1");
        assertSame(statement, rs.getStatement());
        assertTrue(statement.execute("SELECT 2"));
        assertSame(statement, statement.getResultSet().getStatement());
        PreparedStatement prepared = connection.prepareStatement("SELECT ?");
        prepared.setInt(1, 3);
        assertSame(connection, prepared.getConnection());
        assertSame(prepared, prepared.executeQuery().getStatement());
        DatabaseMetaData metaData = connection.getMetaData();
        assertSame(connection, metaData.getConnection());
    }

    @Test
    void unwrapReachesTheInnerDriver() throws SQLException {
        assertTrue(connection.isWrapperFor(DuckDBConnection.class));
        assertNotNull(connection.unwrap(DuckDBConnection.class));
        assertSame(connection, connection.unwrap(DltConnection.class));
        Statement statement = connection.createStatement();
        assertTrue(statement.isWrapperFor(org.duckdb.DuckDBPreparedStatement.class));
        assertNotNull(statement.unwrap(org.duckdb.DuckDBPreparedStatement.class));
        ResultSet rs = statement.executeQuery("SELECT 1");
        assertTrue(rs.isWrapperFor(org.duckdb.DuckDBResultSet.class));
        assertThrows(SQLException.class, () -> connection.unwrap(org.postgresql.PGConnection.class));
    }

    @Test
    void metadataNamesTheDriverAndTheDatabase() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals("dlt-jdbc", metaData.getDriverName());
        assertEquals("DuckDB", metaData.getDatabaseProductName());
        assertEquals("jdbc:dlt:duckdb::memory:?dataset=ds", metaData.getURL());
        assertTrue(metaData.getDriverMajorVersion() >= 1);
    }

    @Test
    void destinationErrorsKeepSqlStateAndCause() throws SQLException {
        try (Statement s = connection.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM no_such_table"));
            assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        }
    }

    @Test
    void setReadOnlyIsAHintThatNeverThrows() throws SQLException {
        connection.setReadOnly(true);
        assertTrue(connection.isReadOnly());
        connection.setReadOnly(false);
    }

    @Test
    void transactionsPassThrough() throws SQLException {
        connection.createStatement().execute("CREATE TABLE tx (x INT)");
        connection.setAutoCommit(false);
        connection.createStatement().execute("INSERT INTO tx VALUES (1)");
        connection.rollback();
        connection.setAutoCommit(true);
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM tx")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void toStringNeverShowsAPassword() throws SQLException {
        assertFalse(connection.toString().contains("password"));
        assertTrue(connection.toString().startsWith("DltConnection[jdbc:dlt:duckdb:"));
    }
}
