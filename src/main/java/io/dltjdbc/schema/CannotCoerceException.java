package io.dltjdbc.schema;

/** A value fits neither its column nor the column's variant (dlt's CannotCoerceColumnException). */
public class CannotCoerceException extends SchemaContractException {
    public CannotCoerceException(String table, String column, DltType columnType, Object value) {
        super("cannot coerce value " + Values.preview(value) + " into column '" + column + "' of type "
            + columnType.dltName() + " in table '" + table + "'", table, column, null);
    }
}
