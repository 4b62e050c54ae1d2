package io.dltjdbc.sql;

import io.dltjdbc.driver.DltSqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code WITH (...)} options of LOAD PIPELINE (dlt's names) and what each accepts. Checked
 * at parse time for literals and at bind time for {@code ?} values, so a typo fails before any
 * data moves.
 *
 * <p>A wrong option name or value is SQLState 22023 (invalid parameter value), not 42601: the
 * statement is well-formed, one of its settings is not. {@code null} is accepted for every
 * option and means "use the default".
 */
public enum LoadOption {
    DATASET_NAME(Kind.TEXT),
    TABLE_NAME(Kind.TEXT),
    WRITE_DISPOSITION(Kind.CHOICE, "append", "replace", "merge"),
    PRIMARY_KEY(Kind.KEYS),
    MERGE_KEY(Kind.KEYS),
    INCREMENTAL(Kind.TEXT),
    INITIAL_VALUE(Kind.ANY),
    SCHEMA_CONTRACT(Kind.CHOICE, "evolve", "freeze", "discard_row", "discard_value"),
    MAX_TABLE_NESTING(Kind.COUNT),
    COLUMNS(Kind.TEXT),
    FULL_REFRESH(Kind.BOOLEAN),
    MERGE_STRATEGY(Kind.CHOICE, "delete-insert", "upsert", "insert-only"),
    DRY_RUN(Kind.BOOLEAN),
    ON_ERROR(Kind.CHOICE, "abort", "skip_row"),
    MAX_ERRORS(Kind.COUNT),
    FORMAT(Kind.CHOICE, "jsonl", "json", "csv", "parquet");

    /** The value types options take; CHOICE values are matched and stored lower-case. */
    enum Kind { TEXT, KEYS, ANY, CHOICE, BOOLEAN, COUNT }

    /** File formats, shared with the {@code FORMAT} clause of a file source. */
    public static final List<String> FILE_FORMATS = FORMAT.choices();

    private final Kind kind;
    private final List<String> choices;

    LoadOption(Kind kind, String... choices) {
        this.kind = kind;
        this.choices = List.of(choices);
    }

    /** The name as written in SQL and used by dlt, e.g. {@code write_disposition}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> choices() {
        return choices;
    }

    public static Optional<LoadOption> find(String name) {
        return Arrays.stream(values()).filter(o -> o.optionName().equalsIgnoreCase(name))
                .findFirst();
    }

    static String validNames() {
        return Arrays.stream(values()).map(LoadOption::optionName)
                .collect(Collectors.joining(", "));
    }

    /**
     * @param where " at 3:5" or " in parameter 2", appended to messages
     * @return the value as stored: CHOICE lower-cased, COUNT as Long, BOOLEAN as Boolean
     */
    Object check(Object value, String where) throws SQLException {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case ANY -> value;
            case TEXT -> text(value, where);
            case KEYS -> keys(value, where);
            case CHOICE -> choice(value, where);
            case BOOLEAN -> bool(value, where);
            case COUNT -> count(value, where);
        };
    }

    private Object text(Object value, String where) throws SQLException {
        if (value instanceof String) {
            return value;
        }
        throw invalid(value, where, "a string");
    }

    /** dlt takes one column or several: {@code 'a'}, {@code 'a,b'} or {@code ('a', 'b')}. */
    private Object keys(Object value, String where) throws SQLException {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return value;
        }
        return text(value, where);
    }

    private Object choice(Object value, String where) throws SQLException {
        if (value instanceof String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (choices.contains(lower)) {
                return lower;
            }
        }
        throw invalid(value, where, "one of " + String.join(", ", choices));
    }

    private Object bool(Object value, String where) throws SQLException {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text
                && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text);
        }
        throw invalid(value, where, "true or false");
    }

    private Object count(Object value, String where) throws SQLException {
        BigDecimal number = null;
        if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof BigInteger big) {
            number = new BigDecimal(big);
        } else if (value instanceof String text && text.matches("\\d{1,18}")) {
            number = new BigDecimal(text);
        }
        if (number != null && number.signum() >= 0) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException notAnInteger) {
                // falls through to the error below
            }
        }
        throw invalid(value, where, "a non-negative integer");
    }

    private SQLException invalid(Object value, String where, String expected) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return DltSqlState.INVALID_PARAMETER_VALUE.exception("invalid value " + shown + " for "
                + optionName() + where + "; expected " + expected);
    }
}
