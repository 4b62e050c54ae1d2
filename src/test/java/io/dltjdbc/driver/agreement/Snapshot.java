package io.dltjdbc.driver.agreement;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A metadata answer reduced to what tools read: each column's label, JDBC type and type name, and every row as text. */
record Snapshot(List<String> labels, List<Integer> types, List<String> typeNames, List<List<String>> rows) {

    static Snapshot of(ResultSet result) throws SQLException {
        try (result) {
            ResultSetMetaData metaData = result.getMetaData();
            List<String> labels = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            List<String> typeNames = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                labels.add(metaData.getColumnLabel(i));
                types.add(metaData.getColumnType(i));
                typeNames.add(metaData.getColumnTypeName(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= labels.size(); i++) {
                    Object value = result.getObject(i);
                    row.add(value == null ? null : String.valueOf(value));
                }
                rows.add(row);
            }
            return new Snapshot(labels, types, typeNames, rows);
        }
    }

    /** The same answer with one column's values rewritten (documented differences, e.g. BASE TABLE -> TABLE). */
    Snapshot mapColumn(String label, UnaryOperator<String> change) {
        int index = labels.indexOf(label);
        List<List<String>> changed = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> copy = new ArrayList<>(row);
            copy.set(index, change.apply(copy.get(index)));
            changed.add(copy);
        }
        return new Snapshot(labels, types, typeNames, changed);
    }

    List<String> column(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new AssertionError("no column " + label + " in " + labels);
        }
        List<String> values = new ArrayList<>();
        for (List<String> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }
}
