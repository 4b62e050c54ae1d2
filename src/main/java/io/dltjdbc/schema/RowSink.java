package io.dltjdbc.schema;

import java.util.Map;

/** Receives normalized rows: keyed by normalized column name, in the table's column order, values coerced. */
@FunctionalInterface
public interface RowSink {
    void accept(String tableName, Map<String, Object> row) throws Exception;
}
