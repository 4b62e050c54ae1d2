package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.Redaction;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
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
    /**
     * Deepest nesting accepted (dlt's orjson stops at 1024). 1000 also keeps every staged row, which wraps a
     * value in one more object, within Jackson's default limits of the stagers and loaders that read it back.
     */
    static final int MAX_NESTING = 1000;
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(MAX_NESTING)
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

    /**
     * Reads the value whose first token is the parser's current token. Iterative (an explicit stack, not
     * recursion), so that nesting as deep as the parser allows can never overflow the caller's thread stack.
     */
    static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return scalar(p, t);
        }
        Object root = t == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>() : new ArrayList<>();
        ArrayDeque<Object> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            Object container = open.peek();
            JsonToken n = p.nextToken();
            if (n == null) {
                throw new JsonEOFException(p, null, "unexpected end of input: the JSON value is not closed");
            }
            if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) {
                open.pop();
                continue;
            }
            String name = null;
            boolean inObject = container instanceof LinkedHashMap; // a class check: instanceof Map scans interfaces
            if (inObject) {
                name = p.currentName();   // n is FIELD_NAME inside an object
                n = p.nextToken();
            }
            Object value;
            if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) {
                value = n == JsonToken.START_OBJECT ? new LinkedHashMap<String, Object>() : new ArrayList<>();
                open.push(value);
            } else {
                value = scalar(p, n);
            }
            if (inObject) {
                @SuppressWarnings("unchecked")
                LinkedHashMap<String, Object> map = (LinkedHashMap<String, Object>) container;
                map.put(name, value);   // a duplicate key keeps its first position and its last value
            } else {
                @SuppressWarnings("unchecked")
                ArrayList<Object> list = (ArrayList<Object>) container;
                list.add(value);
            }
        }
        return root;
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonEOFException(p, null, "unexpected end of input");
        }
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                if (Double.isInfinite(d)) {
                    // Java would read 1e400 as Infinity, which no column keeps; dlt's parser rejects it too
                    String text = p.getText();
                    throw new JsonParseException(p, "number out of range of a double: "
                            + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
                }
                return d;
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_EMBEDDED_OBJECT:
                return p.getEmbeddedObject();
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    static SQLException badJson(String where, JsonProcessingException e) {
        return badJson(where, e, null);
    }

    /** As above; the parser's position stands in when the exception has none (nesting and length limits). */
    static SQLException badJson(String where, JsonProcessingException e, JsonParser parser) {
        var loc = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
        long line = loc == null ? -1 : loc.getLineNr();
        int col = loc == null ? -1 : loc.getColumnNr();
        return DltSqlState.BAD_JSON.exception(malformed(where, line, col, e.getOriginalMessage()), e);
    }

    /** Jackson's limit messages name its own classes; say what the user can act on. */
    static String readable(String detail) {
        if (detail == null) {
            return "";
        }
        if (detail.startsWith("Document nesting depth")) {
            return "JSON nesting depth exceeds " + MAX_NESTING + " levels";
        }
        int from = detail.indexOf(", from `Stream");
        return from > 0 ? detail.substring(0, from) + ")" : detail;
    }

    static String malformed(String where, long line, long column, String detail) {
        StringBuilder sb = new StringBuilder("malformed JSON in ").append(where);
        if (line > 0) sb.append(" line ").append(line);
        if (column > 0) sb.append(" column ").append(column);
        String d = readable(detail);
        int nl = d.indexOf('\n');
        if (nl >= 0) d = d.substring(0, nl);
        if (d.length() > 300) d = d.substring(0, 300) + "...";
        return Redaction.maskUrl(sb.append(": ").append(d).toString());
    }
}
