package io.dltjdbc.pipeline;

import io.dltjdbc.driver.InMemoryResultSet;
import io.dltjdbc.driver.InMemoryResultSet.Column;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The result set of a {@code LOAD PIPELINE}: one row per table written, or that has rows set aside under
 * {@code on_error = 'skip_row'}, with the rows written and rejected.
 */
final class LoadSummary {
    static final List<Column> COLUMNS = List.of(Column.text("load_id"), Column.text("pipeline_name"),
            Column.text("dataset_name"), Column.text("table_name"), Column.bigint("rows"), Column.text("write_disposition"),
            Column.text("status"), Column.bigint("rejected"));

    private final String loadId;
    private final String pipelineName;
    private final String dataset;
    private final List<Object[]> rows = new ArrayList<>();
    private final Set<String> tables = new HashSet<>();
    private long totalRows;

    LoadSummary(String loadId, String pipelineName, String dataset) {
        this.loadId = loadId;
        this.pipelineName = pipelineName;
        this.dataset = dataset;
    }

    /** A table of a resource: reported when it is the root or has rows written or rejected. */
    void table(String table, boolean root, long written, long rejected, String writeDisposition) {
        totalRows += written;
        if (written == 0 && rejected == 0 && !root) {
            return;
        }
        tables.add(table);
        rows.add(new Object[] {loadId, pipelineName, dataset, table, written, writeDisposition, "loaded", rejected});
    }

    /** Tables whose every row was rejected: they have no columns, so no place among the loaded ones. */
    void rejectedOnly(RejectedRows rejected) {
        for (String table : rejected.tables()) {
            if (!tables.contains(table)) {
                rows.add(new Object[] {loadId, pipelineName, dataset, table, 0L, null, "rejected", rejected.count(table)});
            }
        }
    }

    long totalRows() {
        return totalRows;
    }

    InMemoryResultSet resultSet() {
        return new InMemoryResultSet(COLUMNS, rows);
    }
}
