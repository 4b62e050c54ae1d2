package io.dltjdbc.pipeline;

import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Row;
import io.dltjdbc.schema.Table;
import java.io.IOException;
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
    final Path path;
    /** normalizing thread: rows accepted so far */
    long rows;
    private int revision = -1;
    private Set<String> jsonColumns = Set.of();

    /** staging thread: the open file, null before the first row and after close */
    private JsonLineWriter writer;
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
        return writer != null;
    }

    /** Staging thread: creates the file, before its first row. */
    void open() throws IOException {
        if (closed) {
            throw new IOException("staged file " + path + " is already closed");
        }
        writer = new JsonLineWriter(Files.newOutputStream(path));
    }

    /** Staging thread: appends one row as a line of JSON; null values are left out (absent = NULL). */
    void write(Map<String, Object> row, Set<String> json) throws IOException {
        writer.startObject();
        if (row instanceof Row normalized) { // the normalizer's rows: by position, no entry objects
            for (int p = 0; p < normalized.width(); p++) {
                Object value = normalized.value(p);
                if (value != null) {
                    write(normalized.name(p), value, json);
                }
            }
        } else {
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                if (entry.getValue() != null) {
                    write(entry.getKey(), entry.getValue(), json);
                }
            }
        }
        writer.endObject();
    }

    private void write(String name, Object value, Set<String> json) throws IOException {
        writer.field(name);
        if (value instanceof String text) {
            if (json.contains(name)) {
                writer.rawJson(text);
            } else {
                writer.string(text);
            }
        } else {
            writeValue(value);
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value instanceof Long number) {
            writer.number(number);
        } else if (value instanceof Double number) {
            // NaN and infinities: JSON can't carry them and dlt's loaders reject them too
            writer.literal(number.isNaN() || number.isInfinite() ? "null" : number.toString());
        } else if (value instanceof Boolean flag) {
            writer.literal(flag ? "true" : "false");
        } else if (value instanceof BigDecimal decimal) {
            writer.string(decimal.toPlainString());
        } else if (value instanceof OffsetDateTime time) {
            writer.string(time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (value instanceof byte[] bytes) {
            writer.string(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Number number) {
            writer.literal(number.toString());
        } else {
            writer.string(value.toString());
        }
    }

    /** Staging thread: flushes and closes the file; it stays on disk for the loader. */
    void close() throws IOException {
        closed = true;
        if (writer != null) {
            JsonLineWriter open = writer;
            writer = null;
            open.close();
        }
    }
}
