package io.dltjdbc.pipeline;

import io.dltjdbc.schema.RowSink;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A load package on disk (dlt's normalize -> load hand-off): normalized rows streamed to one
 * newline-delimited JSON file per table, so memory stays flat whatever the input size and nothing
 * reaches the destination until the whole input was read. Values are written so every destination
 * can read them back exactly: decimals and timestamps as text, binary as base64, json as JSON.
 * The files are written by a {@link StagingThread}; they are complete once {@link #finish()} returned.
 */
final class StagedRows implements RowSink, AutoCloseable {
    private final Path directory;
    private final Schema schema;
    private final Map<String, StagedFile> files = new LinkedHashMap<>();
    private final StagingThread staging;

    StagedRows(Path directory, Schema schema) {
        this.directory = directory;
        this.schema = schema;
        this.staging = new StagingThread("dlt-jdbc-stage-" + directory.getFileName());
    }

    static StagedRows createTemporary(Schema schema, String loadId) throws IOException {
        return new StagedRows(Files.createTempDirectory("dlt-jdbc-" + loadId.replace('.', '-') + "-"), schema);
    }

    @Override
    public void accept(String tableName, Map<String, Object> row) throws IOException {
        accept(schema.table(tableName), row);
    }

    /** Stages a row of a table that may not be part of the schema (the rejected-rows table). */
    void accept(Table table, Map<String, Object> row) throws IOException {
        StagedFile file = files.get(table.name());
        if (file == null) {
            file = new StagedFile(directory.resolve(String.format("%04d.jsonl", files.size())));
            files.put(table.name(), file);
        }
        file.rows++;
        staging.write(file, file.jsonColumns(table), row);
    }

    /** The file holding the table's rows, or null when it received none. */
    Path file(String tableName) {
        StagedFile file = files.get(tableName);
        return file == null ? null : file.path;
    }

    long rows(String tableName) {
        StagedFile file = files.get(tableName);
        return file == null ? 0 : file.rows;
    }

    Iterable<String> tables() {
        return files.keySet();
    }

    /** Writes what is still queued and closes every file; they stay on disk for the loader. */
    void finish() throws IOException {
        staging.finish();
    }

    /** Removes the package from disk. */
    @Override
    public void close() {
        staging.stop();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory left behind is harmless; the load's outcome is not affected
        }
    }
}
