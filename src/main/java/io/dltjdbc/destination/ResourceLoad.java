package io.dltjdbc.destination;

import io.dltjdbc.schema.WriteDisposition;
import java.util.List;

/**
 * A root table and its child tables loaded together with one write disposition. For merge, the
 * primary and merge key columns (normalized names) decide which existing rows the new ones replace; with
 * {@code insertOnly} (dlt's {@code insert-only} merge strategy) existing rows stay and only rows with new keys
 * are added.
 */
public record ResourceLoad(String rootTable, WriteDisposition disposition, List<String> primaryKey, List<String> mergeKey,
        List<TableLoad> tables, boolean insertOnly) {

    public ResourceLoad(String rootTable, WriteDisposition disposition, List<String> primaryKey, List<String> mergeKey,
            List<TableLoad> tables) {
        this(rootTable, disposition, primaryKey, mergeKey, tables, false);
    }

    public boolean mergesByKey() {
        return disposition == WriteDisposition.MERGE && (!primaryKey.isEmpty() || !mergeKey.isEmpty());
    }
}
