package io.dltjdbc.pipeline.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of an open result set, one at a time, each an insertion-ordered map of column label to the value
 * the normalizer takes ({@link JdbcColumn}). Shared by the {@code QUERY} and the parquet source, so that a
 * column type reads the same whichever of them it comes through. Does not close the result set.
 */
public final class ResultSetRows {
    private final ResultSet rows;
    private final JdbcColumn[] columns;
    private long rowNumber;

    public ResultSetRows(ResultSet rows) throws SQLException {
        this.rows = rows;
        ResultSetMetaData metaData = rows.getMetaData();
        columns = new JdbcColumn[metaData.getColumnCount()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = JdbcColumn.of(metaData, i + 1);
        }
    }

    /** The next row, or null after the last one. */
    public Map<String, Object> next() throws SQLException {
        rowNumber++;   // counted first, so that a failure while reading names the row it happened in
        if (!rows.next()) {
            rowNumber--;
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>(columns.length * 2);
        for (JdbcColumn column : columns) {
            row.put(column.label, column.read(rows));
        }
        return row;
    }

    /** The number (from 1) of the row last returned, or of the row being read when {@link #next()} failed. */
    public long rowNumber() {
        return rowNumber;
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>(columns.length);
        for (JdbcColumn column : columns) {
            labels.add(column.label);
        }
        return labels;
    }
}
