package io.dltjdbc.driver;

import java.sql.SQLException;

/**
 * The SQLStates dlt-jdbc raises itself. Kept in one enum so that no state is a string literal
 * scattered through the code (the pgjdbc PSQLState pattern), and tools can rely on the classes:
 * 08 connection, 0A feature, 22 data, 23 integrity, 25 transaction state, 28 authorization, 42 syntax/access,
 * 55 object state, 57 operator intervention, 58 system error.
 */
public enum DltSqlState {
    CONNECTION_UNABLE_TO_CONNECT("08001"),
    CONNECTION_FAILURE("08006"),
    FEATURE_NOT_SUPPORTED("0A000"),
    DATA_EXCEPTION("22000"),
    INVALID_PARAMETER_VALUE("22023"),
    INVALID_TEXT_REPRESENTATION("22P02"),
    BAD_JSON("22032"),
    NOT_NULL_VIOLATION("23502"),
    SCHEMA_CONTRACT_VIOLATION("23514"),
    NO_ACTIVE_SQL_TRANSACTION("25P01"),
    INVALID_AUTHORIZATION("28000"),
    INVALID_SCHEMA_NAME("3F000"),
    SERIALIZATION_FAILURE("40001"),
    SYNTAX_ERROR("42601"),
    UNDEFINED_OBJECT("42704"),
    UNDEFINED_TABLE("42P01"),
    CONFIGURATION_MISSING("42P02"),
    OBJECT_IN_USE("55006"),
    QUERY_CANCELED("57014"),
    UNDEFINED_FILE("58P01"),
    IO_ERROR("58030"),
    INTERNAL_ERROR("XX000");

    private final String state;

    DltSqlState(String state) {
        this.state = state;
    }

    public String getState() {
        return state;
    }

    public SQLException exception(String message) {
        return new SQLException(message, state);
    }

    public SQLException exception(String message, Throwable cause) {
        return new SQLException(message, state, cause);
    }
}
