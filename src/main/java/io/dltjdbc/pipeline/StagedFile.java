package io.dltjdbc.pipeline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The newline-delimited JSON file of one table in a load package. Two threads share it, each with its own
 * fields: the normalizing thread counts the rows and takes snapshots of the table's json columns (the
 * {@link Table} keeps changing under it, so the staging thread must not read it), the staging thread owns the
 * stream, opened at the first row.
 */
final class StagedFile {
    private static final JsonFactory JSON = new JsonFactory();

    final Path path;
    /** normalizing thread: rows accepted so far */
    long rows;
    private int revision = -1;
    private Set<String> jsonColumns = Set.of();

    /** staging thread: the open file, null before the first row and after close */
    private OutputStream out;
    private JsonGenerator generator;
    private boolean closed;

    StagedFile(Path path) {
        this.path = path;
    }

    /**
     * Normalizing thread: the names of the table's json columns, whose text values are written as JSON rather
     * than as strings. A complete column never changes its type, so the snapshot only needs renewing when the
     * table's columns changed.
     */
    Set<String> jsonColumns(Table table) {
        if (table.revision() != revision) {
            Set<String> names = new HashSet<>();
            for (Column column : table.columns()) {
                if (column.type() == DltType.JSON) {
                    names.add(column.name());
                }
            }
            jsonColumns = Set.copyOf(names);
            revision = table.revision();
        }
        return jsonColumns;
    }

    /** Staging thread. */
    boolean isOpen() {
        return generator != null;
    }

    /** Staging thread: creates the file, before its first row. */
    void open() throws IOException {
        if (closed) {
            throw new IOException("staged file " + path + " is already closed");
        }
        out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        generator = JSON.createGenerator(out, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
    }

    /** Staging thread: appends one row as a line of JSON; null values are left out (absent = NULL). */
    void write(Map<String, Object> row, Set<String> json) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            generator.writeFieldName(entry.getKey());
            if (value instanceof String text && json.contains(entry.getKey())) {
                generator.writeRawValue(text);
            } else {
                writeValue(value);
            }
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private void writeValue(Object value) throws IOException {
        if (value instanceof String text) {
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

    /** Staging thread: flushes and closes the file; it stays on disk for the loader. */
    void close() throws IOException {
        closed = true;
        if (generator != null) {
            JsonGenerator open = generator;
            generator = null;
            open.close();
            out.close();
        }
    }
}
