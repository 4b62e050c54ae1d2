package io.dltjdbc.destination;

import io.dltjdbc.schema.WriteDisposition;
import java.util.List;

/**
 * A root table and its child tables loaded together with one write disposition. For merge, the
 * primary and merge key columns (normalized names) decide which existing rows the new ones replace.
 */
public record ResourceLoad(String rootTable, WriteDisposition disposition, List<String> primaryKey, List<String> mergeKey,
        List<TableLoad> tables) {

    public boolean mergesByKey() {
        return disposition == WriteDisposition.MERGE && (!primaryKey.isEmpty() || !mergeKey.isEmpty());
    }
}
