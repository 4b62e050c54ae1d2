package io.dltjdbc.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.RowSink;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A load package on disk (dlt's normalize -> load hand-off): normalized rows streamed to one
 * newline-delimited JSON file per table, so memory stays flat whatever the input size and nothing
 * reaches the destination until the whole input was read. Values are written so every destination
 * can read them back exactly: decimals and timestamps as text, binary as base64, json as JSON.
 */
final class StagedRows implements RowSink, AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path directory;
    private final Schema schema;
    private final Map<String, Writer> writers = new LinkedHashMap<>();

    StagedRows(Path directory, Schema schema) {
        this.directory = directory;
        this.schema = schema;
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
        Writer writer = writers.get(table.name());
        if (writer == null) {
            writer = new Writer(directory.resolve(String.format("%04d.jsonl", writers.size())));
            writers.put(table.name(), writer);
        }
        writer.write(table, row);
    }

    /** The file holding the table's rows, or null when it received none. */
    Path file(String tableName) {
        Writer writer = writers.get(tableName);
        return writer == null ? null : writer.file;
    }

    long rows(String tableName) {
        Writer writer = writers.get(tableName);
        return writer == null ? 0 : writer.rows;
    }

    Iterable<String> tables() {
        return writers.keySet();
    }

    /** Flushes and closes every file; they stay on disk for the loader. */
    void finish() throws IOException {
        for (Writer writer : writers.values()) {
            writer.close();
        }
    }

    /** Removes the package from disk. */
    @Override
    public void close() {
        for (Writer writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // deleting below is what matters
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
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

    private static final class Writer {
        final Path file;
        final OutputStream out;
        final JsonGenerator generator;
        long rows;
        boolean closed;

        Writer(Path file) throws IOException {
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.generator = JSON.createGenerator(out, JsonEncoding.UTF8);
            generator.setRootValueSeparator(null);
        }

        void write(Table table, Map<String, Object> row) throws IOException {
            generator.writeStartObject();
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                Object value = entry.getValue();
                if (value == null) {
                    continue;
                }
                generator.writeFieldName(entry.getKey());
                Column column = table.column(entry.getKey());
                writeValue(column == null ? null : column.type(), value);
            }
            generator.writeEndObject();
            generator.writeRaw('\n');
            rows++;
        }

        private void writeValue(DltType type, Object value) throws IOException {
            if (type == DltType.JSON && value instanceof String json) {
                generator.writeRawValue(json);
            } else if (value instanceof String text) {
                generator.writeString(text);
            } else if (value instanceof Long number) {
                generator.writeNumber(number);
            } else if (value instanceof Double number) {
                if (number.isNaN() || number.isInfinite()) {
                    generator.writeNull(); // JSON can't carry them and dlt's loaders reject them too
                } else {
                    generator.writeNumber(number);
                }
            } else if (value instanceof Boolean flag) {
                generator.writeBoolean(flag);
            } else if (value instanceof BigDecimal decimal) {
                generator.writeString(decimal.toPlainString());
            } else if (value instanceof OffsetDateTime time) {
                generator.writeString(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            } else if (value instanceof byte[] bytes) {
                generator.writeString(Base64.getEncoder().encodeToString(bytes));
            } else if (value instanceof Number number) {
                generator.writeNumber(number.toString());
            } else {
                generator.writeString(value.toString());
            }
        }

        void close() throws IOException {
            if (!closed) {
                closed = true;
                generator.close();
                out.close();
            }
        }
    }
}
