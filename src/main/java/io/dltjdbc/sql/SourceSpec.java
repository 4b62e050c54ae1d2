package io.dltjdbc.sql;

import io.dltjdbc.driver.Redaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code FROM} source of a LOAD PIPELINE statement.
 *
 * <p>Slots that hold a plain string (location, JSON, SQL, URL) keep their String type so that
 * executors read them directly; a {@code ?} written there is recorded in the matching
 * {@code ...Parameter} component and the string is null until {@link DltCommand#bind}.
 * Map values (source arguments) hold the {@link Parameter} itself.
 */
public sealed interface SourceSpec {

    /** Number of {@code ?} markers in this source. */
    int parameterCount();

    /**
     * A file, glob or http(s) URL.
     *
     * @param format lower-cased jsonl|json|csv|parquet, or null: taken from the extension later
     */
    record FileSource(String location, String format, Parameter locationParameter)
            implements SourceSpec {

        public FileSource(String location, String format) {
            this(location, format, null);
        }

        @Override
        public int parameterCount() {
            return locationParameter == null ? 0 : 1;
        }
    }

    /** Rows written in the statement: a JSON array of objects, or one object. */
    record InlineJson(String json, Parameter jsonParameter) implements SourceSpec {

        public InlineJson(String json) {
            this(json, null);
        }

        @Override
        public int parameterCount() {
            return jsonParameter == null ? 0 : 1;
        }
    }

    /**
     * The rows of a query, on the destination itself or on another JDBC URL.
     *
     * @param onUrl JDBC URL of the source database, or null for the destination connection
     */
    record QuerySource(String sql, String onUrl, Parameter sqlParameter,
            Parameter onUrlParameter) implements SourceSpec {

        public QuerySource(String sql, String onUrl) {
            this(sql, onUrl, null, null);
        }

        @Override
        public int parameterCount() {
            return (sqlParameter == null ? 0 : 1) + (onUrlParameter == null ? 0 : 1);
        }

        /** The URL may carry a password (SPEC §6), so it is printed masked. */
        @Override
        public String toString() {
            return "QuerySource[sql=" + (sqlParameter == null ? sql : sqlParameter)
                    + ", onUrl=" + (onUrlParameter == null ? Redaction.maskUrl(onUrl)
                            : onUrlParameter) + "]";
        }
    }

    /**
     * A source built into the driver, such as {@code chess}.
     *
     * @param args lower-cased argument names, insertion-ordered; values as in options (lists
     *             become {@code List<Object>}, {@code ?} a {@link Parameter} until bound)
     */
    record BuiltinSource(String name, Map<String, Object> args) implements SourceSpec {

        /** Immutable copy; values may be null ({@code arg = null}), so no Map.copyOf. */
        public BuiltinSource {
            args = args == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }

        @Override
        public int parameterCount() {
            return Bindings.count(args);
        }
    }
}
