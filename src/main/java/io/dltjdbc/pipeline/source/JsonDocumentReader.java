package io.dltjdbc.pipeline.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;

/**
 * A JSON document, streamed: a top-level array yields its elements one by one, any other
 * top-level value is one item. Several top-level values in a row (concatenated or
 * newline-delimited JSON saved as .json) are read one after another.
 */
final class JsonDocumentReader implements RowReader {
    private final OpenedInput in;
    private final JsonParser parser;
    private final String name;
    private boolean inArray;
    private long item;

    JsonDocumentReader(OpenedInput in) throws SQLException {
        this(in, new Utf8Reader(in.data));
    }

    JsonDocumentReader(OpenedInput in, Reader reader) throws SQLException {
        this.in = in;
        this.name = in.name;
        try {
            this.parser = JsonValues.FACTORY.createParser(reader);
        } catch (IOException e) {
            throw in.readError(name, e);
        }
    }

    @Override
    public Object next() throws SQLException {
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t == null) return null;
                if (!inArray && t == JsonToken.START_ARRAY) {
                    inArray = true;
                    continue;
                }
                if (inArray && t == JsonToken.END_ARRAY) {
                    inArray = false;
                    continue;
                }
                item++;
                return JsonValues.read(parser);
            }
        } catch (JsonProcessingException e) {
            throw JsonValues.badJson(name, e, parser);
        } catch (IOException e) {
            var loc = parser.currentLocation();
            throw in.readError(name + " line " + loc.getLineNr(), e);
        }
    }

    @Override
    public ItemOrigin origin() {
        return ItemOrigin.ofItem(name, "item", item);
    }

    @Override
    public long bytesRead() {
        return in.raw == null ? 0 : in.raw.count();
    }

    @Override
    public void close() throws SQLException {
        try {
            parser.close();
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot close " + name, e);
        } finally {
            in.close();
        }
    }
}
