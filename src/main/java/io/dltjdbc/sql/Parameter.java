package io.dltjdbc.sql;

/**
 * A JDBC {@code ?} marker in a dlt command, standing for a value given later with
 * {@link DltCommand#bind}.
 *
 * @param index 1-based, in text order, as {@code PreparedStatement.setXxx} counts
 */
public record Parameter(int index) {

    @Override
    public String toString() {
        return "?" + index;
    }
}
