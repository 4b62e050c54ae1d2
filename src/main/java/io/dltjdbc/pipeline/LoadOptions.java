package io.dltjdbc.pipeline;

import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.schema.ColumnHints;
import io.dltjdbc.schema.MergeStrategy;
import io.dltjdbc.schema.NormalizerOptions;
import io.dltjdbc.schema.SchemaContract;
import io.dltjdbc.schema.WriteDisposition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The WITH (...) options of one LOAD PIPELINE statement, typed (SPEC §4; the parser already checked names and enumerations). */
record LoadOptions(
        String datasetName,
        String tableName,
        WriteDisposition writeDisposition,
        List<String> primaryKey,
        List<String> mergeKey,
        String incremental,
        Object initialValue,
        SchemaContract schemaContract,
        int maxTableNesting,
        String columns,
        boolean fullRefresh,
        MergeStrategy mergeStrategy,
        boolean dryRun,
        String format,
        boolean skipRows,
        Long maxErrors) {

    static LoadOptions from(Map<String, Object> options) throws SQLException {
        Object strategy = options.get("merge_strategy");
        if (strategy != null && !"merge".equals(options.get("write_disposition"))) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("merge_strategy = '" + strategy
                    + "' applies to write_disposition = 'merge' only; add it, or remove merge_strategy");
        }
        try {
            return new LoadOptions(
                    text(options, "dataset_name"),
                    text(options, "table_name"),
                    options.get("write_disposition") == null ? null : WriteDisposition.fromName(text(options, "write_disposition")),
                    keys(options.get("primary_key")),
                    keys(options.get("merge_key")),
                    text(options, "incremental"),
                    options.get("initial_value"),
                    options.get("schema_contract") == null ? SchemaContract.EVOLVE : SchemaContract.fromName(text(options, "schema_contract")),
                    options.get("max_table_nesting") == null ? NormalizerOptions.DEFAULT_MAX_TABLE_NESTING
                            : ((Number) options.get("max_table_nesting")).intValue(),
                    text(options, "columns"),
                    Boolean.TRUE.equals(options.get("full_refresh")),
                    options.get("merge_strategy") == null ? MergeStrategy.DELETE_INSERT : MergeStrategy.fromName(text(options, "merge_strategy")),
                    Boolean.TRUE.equals(options.get("dry_run")),
                    text(options, "format"),
                    "skip_row".equals(options.get("on_error")),
                    maxErrors(options));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("invalid LOAD PIPELINE option: " + e.getMessage(), e);
        }
    }

    /** max_errors, which only means something when rows may be skipped: alone it is a mistake worth telling. */
    private static Long maxErrors(Map<String, Object> options) throws SQLException {
        Object value = options.get("max_errors");
        if (value != null && !"skip_row".equals(options.get("on_error"))) {
            throw DltSqlState.INVALID_PARAMETER_VALUE.exception("max_errors applies to on_error = 'skip_row' only; "
                    + "add on_error = 'skip_row' to skip up to " + value + " bad rows, or remove max_errors");
        }
        return value == null ? null : ((Number) value).longValue();
    }

    /**
     * dlt's rule: upsert and insert-only identify rows by a hash of the primary key, so they need one (from
     * {@code primary_key} or a column hint); without it every row would get the same {@code _dlt_id}.
     */
    static void checkKeyedMerge(NormalizerOptions options, String table) throws SQLException {
        if (!options.usesKeyHash() || !options.primaryKey().isEmpty()) {
            return;
        }
        for (ColumnHints.Hint hint : options.columnHints().hints()) {
            if (hint.primaryKey()) {
                return;
            }
        }
        throw DltSqlState.INVALID_PARAMETER_VALUE.exception("merge_strategy = '" + options.mergeStrategy().dltName()
                + "' needs a primary key for table '" + table + "': add primary_key = '<column>'");
    }

    /** Normalizer options for one resource whose own defaults (chess: replace/append, hints) the statement may override. */
    NormalizerOptions normalizerOptions(String resourceDisposition, String resourceHints) {
        WriteDisposition disposition = writeDisposition != null ? writeDisposition
                : resourceDisposition != null ? WriteDisposition.fromName(resourceDisposition) : WriteDisposition.APPEND;
        String hints = joinHints(resourceHints, columns);
        return new NormalizerOptions(disposition, primaryKey, mergeKey, maxTableNesting, schemaContract,
                hints == null ? ColumnHints.empty() : ColumnHints.parse(hints), mergeStrategy);
    }

    private static String joinHints(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        if (second == null || second.isBlank()) {
            return first;
        }
        return first + ", " + second;
    }

    private static String text(Map<String, Object> options, String name) {
        Object value = options.get(name);
        return value == null ? null : value.toString();
    }

    private static List<String> keys(Object value) {
        List<String> keys = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object key : list) {
                keys.add(key.toString().trim());
            }
        } else if (value != null) {
            for (String key : value.toString().split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.trim());
                }
            }
        }
        return keys;
    }
}
