package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.Redaction;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds plain Java values from a streaming Jackson parser: objects become insertion-ordered
 * {@code LinkedHashMap<String,Object>} (a duplicate key keeps its first position and its last
 * value, as Python's json/orjson do), arrays {@code ArrayList<Object>}, integers {@code Long}
 * ({@code BigInteger} beyond 64 bits), fractions {@code Double} (as Python's float: {@code 0.1}
 * stays the nearest double; decimals come from column hints), booleans, null. NaN/Infinity
 * literals are rejected as orjson (dlt's parser) does.
 */
public final class JsonValues {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(5000)
                    .build())
            .build();

    private JsonValues() {
    }

    /** Parses a whole (small) document, e.g. an API answer or inline JSON, into a value. */
    public static Object parse(String json, String where) throws SQLException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) throw DltSqlState.BAD_JSON.exception("empty JSON in " + where);
            Object v = read(p);
            if (p.nextToken() != null) {
                throw DltSqlState.BAD_JSON.exception(malformed(where, p.currentLocation().getLineNr(),
                        p.currentLocation().getColumnNr(), "more than one JSON value"));
            }
            return v;
        } catch (JsonProcessingException e) {
            throw badJson(where, e);
        } catch (IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /** Reads the value whose first token is the parser's current token. */
    static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_EMBEDDED_OBJECT:
                return p.getEmbeddedObject();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }

    static SQLException badJson(String where, JsonProcessingException e) {
        var loc = e.getLocation();
        long line = loc == null ? -1 : loc.getLineNr();
        int col = loc == null ? -1 : loc.getColumnNr();
        return DltSqlState.BAD_JSON.exception(malformed(where, line, col, e.getOriginalMessage()), e);
    }

    static String malformed(String where, long line, long column, String detail) {
        StringBuilder sb = new StringBuilder("malformed JSON in ").append(where);
        if (line > 0) sb.append(" line ").append(line);
        if (column > 0) sb.append(" column ").append(column);
        String d = detail == null ? "" : detail;
        int nl = d.indexOf('\n');
        if (nl >= 0) d = d.substring(0, nl);
        if (d.length() > 300) d = d.substring(0, 300) + "...";
        return Redaction.maskUrl(sb.append(": ").append(d).toString());
    }
}
