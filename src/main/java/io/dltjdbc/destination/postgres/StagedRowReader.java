package io.dltjdbc.destination.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Table;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a staged file (one JSON object per line keyed by column name, absent key = NULL) row by row
 * into a reused array of values in the table's column order: text for strings, decimals, timestamps,
 * dates, times and base64 binary; the number's text for numbers; {@code Boolean}; compact JSON text for
 * json columns. Never holds more than one row.
 */
public final class StagedRowReader implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final InputStream in;
    private final JsonParser parser;
    private final Map<String, Integer> positions = new HashMap<>();
    private final DltType[] types;
    private final Object[] values;
    private long row;

    public StagedRowReader(Table table, Path file) throws IOException {
        this.file = file;
        List<Column> columns = table.columns();
        this.types = new DltType[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
            types[i] = columns.get(i).type();
        }
        this.values = new Object[columns.size()];
        this.in = Files.newInputStream(file);
        this.parser = JSON.createParser(in);
    }

    /** The next row's values (the same array each time), or null at the end. */
    public Object[] next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new IOException("staged file " + file + ", row " + (row + 1) + ": expected a JSON object, found " + token);
        }
        row++;
        Arrays.fill(values, null);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Integer position = positions.get(parser.currentName());
            JsonToken value = parser.nextToken();
            if (position == null) {
                parser.skipChildren(); // a column the table doesn't (yet) have: not loaded
                continue;
            }
            values[position] = read(value, types[position]);
        }
        return values;
    }

    private Object read(JsonToken token, DltType type) throws IOException {
        if (type == DltType.JSON) {
            StringWriter json = new StringWriter();
            try (JsonGenerator generator = JSON.createGenerator(json)) {
                generator.copyCurrentStructure(parser);
            }
            return json.toString();
        }
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            default -> {
                // an object or list in a scalar column: stored as its JSON text, like dlt's text <- json coercion
                StringWriter json = new StringWriter();
                try (JsonGenerator generator = JSON.createGenerator(json)) {
                    generator.copyCurrentStructure(parser);
                }
                yield json.toString();
            }
        };
    }

    /** Rows read so far: the current row's number (1-based). */
    public long row() {
        return row;
    }

    public DltType type(int position) {
        return types[position];
    }

    public int width() {
        return types.length;
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            in.close();
        }
    }
}
