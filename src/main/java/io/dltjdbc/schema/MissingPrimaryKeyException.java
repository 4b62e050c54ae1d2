package io.dltjdbc.schema;

/** A merge root row lacks a primary key value (SQLState 23502 upstream). */
public class MissingPrimaryKeyException extends SchemaContractException {
    public MissingPrimaryKeyException(String table, String column, String item) {
        super("primary key column '" + column + "' of table '" + table + "' is missing or null in item " + item,
            table, column, null);
    }
}
