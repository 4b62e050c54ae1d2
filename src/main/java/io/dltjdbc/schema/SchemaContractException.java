package io.dltjdbc.schema;

/** Data broke the schema contract: names the table, the column (null for a whole table) and the mode. */
public class SchemaContractException extends Exception {
    private final String table;
    private final String column;
    private final SchemaContract contract;

    public SchemaContractException(String message, String table, String column, SchemaContract contract) {
        super(message);
        this.table = table;
        this.column = column;
        this.contract = contract;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public SchemaContract contract() {
        return contract;
    }
}
