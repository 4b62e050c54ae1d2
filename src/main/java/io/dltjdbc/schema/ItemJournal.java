package io.dltjdbc.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What normalizing one item did, so that it can be taken back ({@code on_error = 'skip_row'}): the item's rows,
 * held back until the whole item normalized, and the undo steps of every change to the schema and to the
 * normalizer's caches, newest last.
 */
final class ItemJournal implements RowSink {
    private final List<String> tables = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Runnable> undo = new ArrayList<>();
    final int changeCount;
    final boolean changed;
    final int schemaVersion;
    Normalizer.Discard discard;

    ItemJournal(int changeCount, boolean changed, int schemaVersion) {
        this.changeCount = changeCount;
        this.changed = changed;
        this.schemaVersion = schemaVersion;
    }

    @Override
    public void accept(String tableName, Map<String, Object> row) {
        tables.add(tableName);
        rows.add(row);
    }

    void onUndo(Runnable step) {
        undo.add(step);
    }

    /** Notes the first reason a schema contract dropped rows of this item. */
    void discarded(String table, String reason) {
        if (discard == null) {
            discard = new Normalizer.Discard(table, reason);
        }
    }

    /** Runs the undo steps, newest first. */
    void undo() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }

    /** Hands the held-back rows on, in the order they were made; returns the table of each, for counting. */
    List<String> flushTo(RowSink sink) throws Exception {
        for (int i = 0; i < rows.size(); i++) {
            sink.accept(tables.get(i), rows.get(i));
        }
        return tables;
    }
}
