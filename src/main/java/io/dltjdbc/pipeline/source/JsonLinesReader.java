package io.dltjdbc.pipeline.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.dltjdbc.driver.DltSqlState;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.SQLException;

/** JSON Lines: one JSON value per line; blank lines are skipped; positions are file lines. */
final class JsonLinesReader implements RowReader {
    private final OpenedInput in;
    private final BufferedReader lines;
    private long line;
    private long itemLine;

    JsonLinesReader(OpenedInput in) {
        this.in = in;
        this.lines = new BufferedReader(new Utf8Reader(in.data), 65536);
    }

    @Override
    public Object next() throws SQLException {
        while (true) {
            String text;
            try {
                text = lines.readLine();
            } catch (IOException e) {
                throw in.readError(in.name + " line " + (line + 1), e);
            }
            if (text == null) return null;
            line++;
            if (text.isBlank()) continue;
            itemLine = line;
            String where = in.name + " line " + line;
            try (JsonParser p = JsonValues.FACTORY.createParser(text)) {
                p.nextToken();
                Object value = JsonValues.read(p);
                if (p.nextToken() != null) {
                    throw DltSqlState.BAD_JSON.exception(JsonValues.malformed(in.name, line,
                            p.currentTokenLocation().getColumnNr(), "more than one JSON value on the line"));
                }
                return value;
            } catch (JsonProcessingException e) {
                var loc = e.getLocation();
                throw DltSqlState.BAD_JSON.exception(JsonValues.malformed(in.name, line,
                        loc == null ? -1 : loc.getColumnNr(), e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw in.readError(where, e);
            }
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
        in.close();
    }
}
