package io.dltjdbc.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table of a schema. Columns only ever get appended (or an incomplete one completed in place), so a
 * column's position never changes: the normalizer relies on that for its value slots.
 */
public final class Table {
    private final String name;
    private final String parent;
    private String writeDisposition;
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private int completeCount;
    /** counts column changes, so that a consumer can tell whether a snapshot of the columns is still current */
    private int revision;

    public Table(String name, String parent, String writeDisposition) {
        this.name = Objects.requireNonNull(name, "name");
        this.parent = parent;
        this.writeDisposition = writeDisposition;
    }

    /** A table with a fixed set of columns that no normalizer evolves (the rejected-rows table). */
    public static Table fixed(String name, String writeDisposition, List<Column> columns) {
        Table table = new Table(name, null, writeDisposition);
        for (Column column : columns) {
            table.putColumn(column);
        }
        return table;
    }

    public String name() {
        return name;
    }

    /** Parent table name, null for a root table. */
    public String parent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** "append", "replace" or "merge"; child tables inherit their root's (stored as null, like dlt). */
    public String writeDisposition() {
        return writeDisposition;
    }

    void setWriteDisposition(String writeDisposition) {
        this.writeDisposition = writeDisposition;
    }

    /** Complete columns (with a data type) in order: the ones that exist in the destination. */
    public List<Column> columns() {
        if (completeCount == columns.size()) {
            return Collections.unmodifiableList(columns);
        }
        List<Column> complete = new ArrayList<>(completeCount);
        for (Column c : columns) {
            if (c.isComplete()) {
                complete.add(c);
            }
        }
        return Collections.unmodifiableList(complete);
    }

    /** All columns including incomplete ones (hints without a type and no value yet). */
    public List<Column> allColumns() {
        return Collections.unmodifiableList(columns);
    }

    /** A column by normalized name, complete or not; null when absent. */
    public Column column(String columnName) {
        Integer position = positions.get(columnName);
        return position == null ? null : columns.get(position);
    }

    /** Position among {@link #allColumns()}, or -1. */
    int position(String columnName) {
        Integer position = positions.get(columnName);
        return position == null ? -1 : position;
    }

    Column columnAt(int position) {
        return columns.get(position);
    }

    int size() {
        return columns.size();
    }

    /** Whether no column has a type yet: dlt treats such a table as new for schema contracts. */
    public boolean hasNoCompleteColumns() {
        return completeCount == 0;
    }

    /** Changes whenever a column is added, replaced or taken back. */
    public int revision() {
        return revision;
    }

    /** Adds a column at the end, or replaces the column of the same name in place. */
    void putColumn(Column column) {
        revision++;
        Integer position = positions.get(column.name());
        if (position == null) {
            positions.put(column.name(), columns.size());
            columns.add(column);
            if (column.isComplete()) {
                completeCount++;
            }
        } else {
            Column old = columns.set(position, column);
            completeCount += (column.isComplete() ? 1 : 0) - (old.isComplete() ? 1 : 0);
        }
    }

    /**
     * Takes back the last {@link #putColumn} of a rejected item: restores the column it replaced, or removes the
     * column it appended. Undone newest first, so an appended column is always the last one.
     */
    void undoPut(String columnName, Column previous) {
        revision++;
        if (previous != null) {
            putColumn(previous);
            return;
        }
        int position = positions.get(columnName);
        if (position != columns.size() - 1) {
            throw new IllegalStateException("column " + columnName + " of " + name + " is not the last one");
        }
        positions.remove(columnName);
        if (columns.remove(position).isComplete()) {
            completeCount--;
        }
    }

    Table copy() {
        Table copy = new Table(name, parent, writeDisposition);
        for (Column c : columns) {
            copy.putColumn(c);
        }
        return copy;
    }

    @Override
    public String toString() {
        return name + columns;
    }
}
