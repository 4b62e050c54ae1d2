package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A local parquet file, read by an in-memory DuckDB ({@code read_parquet}) and streamed row by row through
 * {@link ResultSetRows}, the same value conversion as the {@code QUERY} source: parquet integers, doubles,
 * decimals, dates, times, timestamps, strings and binary arrive as the typed values the normalizer keeps, and
 * structs, maps and lists as nested data it flattens, like dlt's {@code read_parquet} ({@code to_pylist()}).
 * A downloaded copy ({@code temporary}) is deleted on close.
 */
final class ParquetReader implements RowReader {
    private static final String ROWS = "SELECT * FROM read_parquet(?)";
    private static final String ROW_COUNT = "SELECT num_rows FROM parquet_file_metadata(?)";

    private final Path file;
    private final String name;
    private final boolean temporary;
    private long size;
    private Connection duckdb;
    private PreparedStatement statement;
    private ResultSetRows rows;
    private long totalRows;
    private boolean done;

    private ParquetReader(Path file, String name, boolean temporary) {
        this.file = file;
        this.name = name;
        this.temporary = temporary;
    }

    /**
     * Opens {@code file}; {@code name} is what messages show (a masked URL for a download). A temporary file is
     * deleted when opening fails, too.
     */
    static ParquetReader open(Path file, String name, boolean temporary) throws SQLException {
        ParquetReader reader = new ParquetReader(file, name, temporary);
        try {
            reader.start();
            return reader;
        } catch (SQLException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Parquet compresses its pages itself; a gzipped copy is not a parquet file DuckDB (or dlt) can read. */
    private static void refuseGzip(Path file, String name) throws IOException, SQLException {
        try (InputStream in = Files.newInputStream(file)) {
            if (in.read() == 0x1f && in.read() == 0x8b) {
                throw compressed(name);
            }
        }
    }

    static SQLException compressed(String name) {
        return DltSqlState.INVALID_PARAMETER_VALUE.exception(Redaction.maskUrl(name + " is gzip-compressed parquet,"
                + " which can't be read: parquet compresses its data itself; gunzip the file first"));
    }

    private void start() throws SQLException {
        try {
            refuseGzip(file, name);
            size = Files.size(file);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot read " + name + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        // without it DuckDB's JDBC driver materializes the whole result before the first row
        properties.setProperty("jdbc_stream_results", "true");
        try {
            duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", properties);
            try (PreparedStatement count = duckdb.prepareStatement(ROW_COUNT)) {
                count.setString(1, file.toString());
                try (ResultSet result = count.executeQuery()) {
                    totalRows = result.next() ? result.getLong(1) : 0;
                }
            }
            statement = duckdb.prepareStatement(ROWS);
            statement.setString(1, file.toString());
            rows = new ResultSetRows(statement.executeQuery());
        } catch (SQLException e) {
            throw DltSqlState.DATA_EXCEPTION.exception(Redaction.maskUrl("cannot read " + name + " as parquet: "
                    + duckDbMessage(e)), e);
        }
    }

    @Override
    public Object next() throws SQLException {
        if (done) {
            return null;
        }
        try {
            Object row = rows.next();
            done = row == null;
            return row;
        } catch (SQLException e) {
            throw DltSqlState.DATA_EXCEPTION.exception(Redaction.maskUrl("cannot read parquet " + name + " row "
                    + rows.rowNumber() + ": " + duckDbMessage(e)), e);
        }
    }

    /** DuckDB's first line, naming the input as the user wrote it rather than the (temporary) path read. */
    private String duckDbMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int lineEnd = message.indexOf('\n');
        if (lineEnd >= 0) {
            message = message.substring(0, lineEnd);
        }
        return message.replace(file.toString(), name).trim();
    }

    @Override
    public ItemOrigin origin() {
        return ItemOrigin.ofItem(name, "row", rows == null ? 0 : rows.rowNumber());
    }

    /** DuckDB reads the file itself: progress is the share of rows read, in bytes of the file. */
    @Override
    public long bytesRead() {
        if (done) {
            return size;
        }
        return totalRows <= 0 || rows == null ? 0 : (long) (size * Math.min(1.0, (double) rows.rowNumber() / totalRows));
    }

    @Override
    public void close() throws SQLException {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // the in-memory database goes away with its connection below
        }
        try {
            if (duckdb != null) {
                duckdb.close();
            }
        } catch (SQLException ignored) {
            // nothing was written: nothing to lose
        } finally {
            if (temporary) {
                deleteQuietly(file);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind in java.io.tmpdir; nothing else depends on it
        }
    }
}
