package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.Redaction;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.sql.SQLException;

/**
 * JSON Lines: one JSON value per line; blank lines are skipped; positions are file lines.
 * One byte-level Jackson parser reads the whole stream (no per-line String copies): it decodes and
 * validates UTF-8 itself and knows the line of every value, so a second value on a line is an error.
 */
final class JsonLinesReader implements RowReader {
    private final OpenedInput in;
    private JsonParser parser;
    private long itemLine;
    private long lastEndLine = -1;

    JsonLinesReader(OpenedInput in) {
        this.in = in;
    }

    @Override
    public Object next() throws SQLException {
        try {
            if (parser == null) {
                parser = JsonValues.FACTORY.createParser(in.data);
            }
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            long line = parser.currentTokenLocation().getLineNr();
            if (line == lastEndLine) {
                throw DltSqlState.BAD_JSON.exception(JsonValues.malformed(in.name, line,
                        parser.currentTokenLocation().getColumnNr(), "more than one JSON value on the line"));
            }
            itemLine = line;
            Object value = JsonValues.read(parser);
            lastEndLine = parser.currentLocation().getLineNr();
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null ? itemLine : location.getLineNr();
            String detail = e.getOriginalMessage();
            if (detail != null && detail.startsWith("Invalid UTF-8")) {
                throw DltSqlState.INVALID_TEXT_REPRESENTATION.exception(Redaction.maskUrl("invalid UTF-8 in " + in.name + " line " + line
                        + " (" + detail + "); input must be UTF-8"), e);
            }
            throw DltSqlState.BAD_JSON.exception(JsonValues.malformed(in.name, line,
                    location == null ? -1 : location.getColumnNr(), detail), e);
        } catch (IOException e) {
            throw in.readError(in.name + " line " + (itemLine + 1), e);
        }
    }

    @Override
    public String position() {
        return in.name + " line " + itemLine;
    }

    @Override
    public long bytesRead() {
        return in.raw.count();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException ignored) {
            // the input is closed below either way
        }
        in.close();
    }
}
