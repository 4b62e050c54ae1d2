package io.dltjdbc.schema;

/** One schema change made by a normalizer run, for dry-run plans and ALTER statements. */
public record SchemaChange(Action action, String table, Column column) {
    public enum Action { CREATE_TABLE, ADD_COLUMN, ADD_VARIANT_COLUMN }

    @Override
    public String toString() {
        return switch (action) {
            case CREATE_TABLE -> "create table " + table;
            case ADD_COLUMN -> "add column " + table + "." + column;
            case ADD_VARIANT_COLUMN -> "add variant column " + table + "." + column;
        };
    }
}
