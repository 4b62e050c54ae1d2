package io.dltjdbc.pipeline;

import io.dltjdbc.destination.ResourceLoad;
import io.dltjdbc.destination.TableLoad;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.pipeline.source.ItemOrigin;
import io.dltjdbc.schema.Column;
import io.dltjdbc.schema.DltType;
import io.dltjdbc.schema.Table;
import io.dltjdbc.schema.WriteDisposition;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code on_error = 'skip_row'}: items that cannot be loaded (a malformed line, a row a {@code freeze} contract
 * refuses, a value that fits neither its column nor a variant) are staged for {@code _dlt_rejected_rows} and
 * the load goes on; they reach the dataset in the same transaction as the rows that loaded. Rows a
 * {@code discard_row} contract drops are recorded too, so nothing vanishes unseen, but they are the contract
 * working as asked and do not count against {@code max_errors}. One error more than {@code max_errors}
 * aborts the load before anything is written.
 */
final class RejectedRows {
    static final String TABLE = "_dlt_rejected_rows";
    /**
     * Longest raw text kept per rejected row, in UTF-8 bytes: it fits every destination's text type (Redshift's
     * varchar tops out at 65,535 bytes); source and line_number point at the whole item.
     */
    static final int MAX_RAW_BYTES = 60_000;
    private static final int ERRORS_IN_MESSAGE = 3;
    static final Table DEFINITION = Table.fixed(TABLE, WriteDisposition.APPEND.dltName(), List.of(
            new Column("load_id", DltType.TEXT, false, false, false, null, null, null, null),
            Column.of("table_name", DltType.TEXT),
            Column.of("source", DltType.TEXT),
            Column.of("line_number", DltType.BIGINT),
            Column.of("error", DltType.TEXT),
            Column.of("raw_row", DltType.TEXT)));

    private final String loadId;
    private final StagedRows staged;
    private final Long maxErrors;
    private final Map<String, Long> byTable = new LinkedHashMap<>();
    private final List<String> firstErrors = new ArrayList<>(ERRORS_IN_MESSAGE);
    private long errors;
    private long recorded;

    RejectedRows(String loadId, StagedRows staged, Long maxErrors) {
        this.loadId = loadId;
        this.staged = staged;
        this.maxErrors = maxErrors;
    }

    /** Records an item that could not be loaded; throws 22000 once there are more than max_errors. */
    void reject(String table, ItemOrigin origin, String error, String rawRow) throws SQLException {
        record(table, origin, error, rawRow);
        errors++;
        if (firstErrors.size() < ERRORS_IN_MESSAGE) {
            firstErrors.add(error);
        }
        if (maxErrors != null && errors > maxErrors) {
            throw DltSqlState.DATA_EXCEPTION.exception("load aborted: more than max_errors = " + maxErrors
                    + " rows rejected, nothing was written; the first: " + String.join("; ", firstErrors));
        }
    }

    /** Records rows a discard_row contract dropped; they do not count against max_errors. */
    void discarded(String table, ItemOrigin origin, String reason, String rawRow) throws SQLException {
        record(table, origin, reason, rawRow);
    }

    private void record(String table, ItemOrigin origin, String error, String rawRow) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("load_id", loadId);
        row.put("table_name", table);
        row.put("source", origin.source());
        row.put("line_number", origin.line());
        row.put("error", error);
        row.put("raw_row", truncated(rawRow));
        try {
            staged.accept(DEFINITION, row);
        } catch (java.io.IOException e) {
            throw DltSqlState.IO_ERROR.exception("cannot stage a rejected row: " + e.getMessage(), e);
        }
        byTable.merge(table, 1L, Long::sum);
        recorded++;
    }

    static String truncated(String text) {
        if (text == null || text.length() <= MAX_RAW_BYTES / 3) {
            return text;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_RAW_BYTES) {
            return text;
        }
        int end = MAX_RAW_BYTES;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // never cut a character in half
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    /** Rows recorded for a table in this load. */
    long count(String table) {
        return byTable.getOrDefault(table, 0L);
    }

    Iterable<String> tables() {
        return byTable.keySet();
    }

    /** The rejected rows as one more append resource of the load, or null when there are none. */
    ResourceLoad resource() {
        if (recorded == 0) {
            return null;
        }
        return new ResourceLoad(TABLE, WriteDisposition.APPEND, List.of(), List.of(),
                List.of(new TableLoad(DEFINITION, staged.file(TABLE), recorded)));
    }
}
