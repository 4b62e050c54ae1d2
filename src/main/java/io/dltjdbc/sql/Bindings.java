package io.dltjdbc.sql;

import io.dltjdbc.driver.DltSqlState;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a {@code bind} call, and how a {@link Parameter} placeholder is replaced by one.
 * A list shorter than a parameter's index means "never set"; a null element is SQL NULL.
 */
final class Bindings {

    /** JDBC's "dynamic SQL error: using clause does not match dynamic parameter specification". */
    static final String NO_VALUE_STATE = "07001";

    private final List<Object> values;

    Bindings(List<Object> values) {
        this.values = values == null ? List.of() : values;
    }

    Object value(Parameter parameter) throws SQLException {
        if (parameter.index() > values.size()) {
            throw new SQLException("No value specified for parameter " + parameter.index(),
                    NO_VALUE_STATE);
        }
        return values.get(parameter.index() - 1);
    }

    /** Resolves a parsed value: a placeholder, a list holding placeholders, or a literal. */
    Object resolve(Object parsed) throws SQLException {
        if (parsed instanceof Parameter parameter) {
            return normalize(value(parameter));
        }
        if (parsed instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (Object element : list) {
                resolved.add(resolve(element));
            }
            return Collections.unmodifiableList(resolved);
        }
        return parsed;
    }

    Map<String, Object> resolve(Map<String, Object> parsed) throws SQLException {
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : parsed.entrySet()) {
            resolved.put(entry.getKey(), resolve(entry.getValue()));
        }
        return Collections.unmodifiableMap(resolved);
    }

    /**
     * The text for a slot that only takes a string (a file location, JSON, SQL, a URL): the
     * literal when there was no marker, else the bound value; paths, URIs and numbers (a load
     * id bound with setBigDecimal) are accepted as their string form.
     */
    String text(String literal, Parameter parameter, String what, boolean nullable)
            throws SQLException {
        if (parameter == null) {
            return literal;
        }
        Object value = value(parameter);
        if (value == null) {
            if (nullable) {
                return null;
            }
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception(
                    "parameter " + parameter.index() + " (" + what + ") must not be null");
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Path || value instanceof File
                || value instanceof URI || value instanceof URL) {
            return value.toString();
        }
        throw DltSqlState.INVALID_PARAMETER_VALUE.exception("parameter " + parameter.index()
                + " (" + what + ") must be a string but was " + value.getClass().getSimpleName());
    }

    /** Integral values become Long, as literals do, so consumers see one integer type. */
    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }

    /** Counts placeholders in a parsed value tree. */
    static int count(Object parsed) {
        if (parsed instanceof Parameter) {
            return 1;
        }
        int count = 0;
        if (parsed instanceof Iterable<?> values) {
            for (Object value : values) {
                count += count(value);
            }
        } else if (parsed instanceof Map<?, ?> map) {
            count += count(map.values());
        }
        return count;
    }
}
