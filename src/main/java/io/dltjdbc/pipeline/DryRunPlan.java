package io.dltjdbc.pipeline;

import io.dltjdbc.driver.InMemoryResultSet;
import io.dltjdbc.driver.InMemoryResultSet.Column;
import io.dltjdbc.schema.Schema;
import io.dltjdbc.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load would do, for {@code EXPLAIN LOAD PIPELINE} / {@code dry_run = true}: one row per table
 * (with the rows it would write) and one per column, each with its action: {@code create table},
 * {@code add column}, {@code variant column} or {@code unchanged}; under {@code on_error = 'skip_row'} one
 * {@code reject rows} row per table that has rows it would reject. Comparing the schema before and
 * after normalization gives it; nothing was written anywhere.
 */
final class DryRunPlan {
    static final List<Column> COLUMNS = List.of(Column.text("action"), Column.text("dataset_name"), Column.text("table_name"),
            Column.text("column_name"), Column.text("data_type"), Column.bool("nullable"), Column.bigint("rows"));

    private DryRunPlan() {
    }

    static InMemoryResultSet of(String dataset, Schema before, List<Table> tables, StagedRows staged, RejectedRows rejected) {
        List<Object[]> rows = new ArrayList<>();
        for (Table table : tables) {
            Table old = before.table(table.name());
            boolean created = old == null || old.columns().isEmpty();
            rows.add(new Object[] {created ? "create table" : "unchanged", dataset, table.name(), null, null, null,
                staged.rows(table.name())});
            for (io.dltjdbc.schema.Column column : table.columns()) {
                io.dltjdbc.schema.Column existing = old == null ? null : old.column(column.name());
                String action = existing != null && existing.isComplete() ? "unchanged"
                        : column.variantOf() != null ? "variant column" : "add column";
                rows.add(new Object[] {action, dataset, table.name(), column.name(), column.type().dltName(), column.nullable(), null});
            }
        }
        if (rejected != null) {
            // on_error = 'skip_row': what would go to _dlt_rejected_rows instead, per table
            for (String table : rejected.tables()) {
                rows.add(new Object[] {"reject rows", dataset, table, null, null, null, rejected.count(table)});
            }
        }
        return new InMemoryResultSet(COLUMNS, rows);
    }
}
