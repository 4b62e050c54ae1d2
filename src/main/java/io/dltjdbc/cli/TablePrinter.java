package io.dltjdbc.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as an aligned text table, psql style: a header, a separator, one line per row
 * (numbers right-aligned, SQL NULL as {@code NULL}, values longer than {@value #MAX_WIDTH}
 * characters cut with {@code …}), and a {@code (N rows)} footer.
 */
public final class TablePrinter {
    public static final int MAX_WIDTH = 60;
    public static final String NULL = "NULL";

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();

    public TablePrinter(List<String> headers, boolean[] numeric) {
        this.headers = List.copyOf(headers);
        this.numeric = numeric.clone();
    }

    /** Reads every row of the result set (it is not closed). */
    public static TablePrinter of(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> headers = new ArrayList<>(n);
        boolean[] numeric = new boolean[n];
        for (int i = 1; i <= n; i++) {
            headers.add(md.getColumnLabel(i));
            numeric[i - 1] = isNumeric(md.getColumnType(i));
        }
        TablePrinter printer = new TablePrinter(headers, numeric);
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 1; i <= n; i++) {
                row[i - 1] = rs.getString(i);
            }
            printer.add(row);
        }
        return printer;
    }

    /** Adds a row; a null value prints as {@code NULL}. */
    public TablePrinter add(String... values) {
        if (values.length != headers.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has " + headers.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    public void print(PrintStream out) {
        int n = headers.size();
        int[] width = new int[n];
        List<String[]> cells = new ArrayList<>(rows.size());
        for (int c = 0; c < n; c++) {
            width[c] = length(headers.get(c));
        }
        for (String[] row : rows) {
            String[] shown = new String[n];
            for (int c = 0; c < n; c++) {
                shown[c] = display(row[c]);
                width[c] = Math.max(width[c], length(shown[c]));
            }
            cells.add(shown);
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < n; c++) {
            String name = display(headers.get(c));
            header.append(c == 0 ? " " : " | ").append(pad(name, width[c], false));
            rule.append(c == 0 ? "" : "+").append("-".repeat(width[c] + 2));
        }
        out.println(stripEnd(header));
        out.println(rule);
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < n; c++) {
                boolean right = numeric[c] && rows.get(r)[c] != null;
                line.append(c == 0 ? " " : " | ").append(pad(row[c], width[c], right));
            }
            out.println(stripEnd(line));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    /** The cell text: NULL for null, control characters made visible, cut to {@value #MAX_WIDTH}. */
    static String display(String value) {
        if (value == null) {
            return NULL;
        }
        String text = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        if (length(text) > MAX_WIDTH) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_WIDTH - 1)) + "…";
        }
        return text;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String pad(String text, int width, boolean right) {
        String space = " ".repeat(width - length(text));
        return right ? space + text : text + space;
    }

    private static String stripEnd(StringBuilder line) {
        return line.toString().stripTrailing();
    }

    static boolean isNumeric(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }
}
