package io.dltjdbc.destination.duckdb;

import io.dltjdbc.driver.DltSqlState;

/**
 * DuckDB's JDBC driver raises every error without an SQLState; its message starts with the error type
 * ({@code Conversion Error: ...}). SPEC §6 promises a standard SQLState, so the loader maps the type.
 */
final class DuckDbErrors {
    private DuckDbErrors() {
    }

    static DltSqlState sqlState(String message) {
        String text = message == null ? "" : message.strip();
        if (text.startsWith("Conversion Error")) {
            return DltSqlState.INVALID_TEXT_REPRESENTATION;
        }
        if (text.startsWith("Out of Range Error") || text.startsWith("Invalid Input Error")) {
            return DltSqlState.DATA_EXCEPTION;
        }
        if (text.startsWith("Constraint Error")) {
            return text.contains("NOT NULL") ? DltSqlState.NOT_NULL_VIOLATION : DltSqlState.DATA_EXCEPTION;
        }
        if (text.startsWith("Catalog Error")) {
            return DltSqlState.UNDEFINED_TABLE;
        }
        if (text.startsWith("TransactionContext Error") || text.startsWith("Transaction Error")) {
            return DltSqlState.OBJECT_IN_USE; // a write-write conflict with another connection's transaction
        }
        if (text.startsWith("IO Error")) {
            return DltSqlState.IO_ERROR;
        }
        return DltSqlState.INTERNAL_ERROR;
    }
}
