package io.dltjdbc.pipeline.source;

import io.dltjdbc.driver.Redaction;
import io.dltjdbc.driver.DltSqlState;
import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 4180 CSV in UTF-8: comma-separated, {@code "}-quoted fields with {@code ""} escapes and
 * embedded line breaks, CRLF or LF (or CR) line ends, BOM dropped. The first record is the
 * header and gives the keys; values stay strings (types come from hints/normalizer). An empty
 * unquoted field is {@code null}, a quoted empty field {@code ""} is the empty string. Blank lines
 * are skipped (as Python's csv.DictReader does). A record with another number of fields than the
 * header is an error. Header names: an empty one becomes {@code Unnamed: <index>} and a repeated
 * one {@code name.1}, {@code name.2} (pandas' rules). Lenient like Python's csv: a quote inside
 * an unquoted field is kept, characters after a closing quote are appended.
 * Rows are numbered as records of the file, the header being row 1 (so row = line as long as no
 * field holds a line break); error messages give both.
 */
final class CsvReader implements RowReader {
    private final OpenedInput in;
    private final Reader reader;
    private final char[] buf = new char[65536];
    private int pos;
    private int len;
    private boolean eof;
    private long line = 1;
    private long row;
    private long rowLine;
    private List<String> header;

    CsvReader(OpenedInput in) {
        this.in = in;
        this.reader = new Utf8Reader(in.data);
    }

    @Override
    public Object next() throws SQLException {
        try {
            if (header == null) {
                List<String> h = readRecord();
                if (h == null) return null;
                header = headerNames(h);
            }
            List<String> fields = readRecord();
            if (fields == null) return null;
            if (fields.size() != header.size()) {
                // the record was read to its end, so the next one can still be read: one bad row
                throw new MalformedItemException(DltSqlState.DATA_EXCEPTION.exception(Redaction.maskUrl("ragged CSV row in "
                        + in.name + " row " + row + " (line " + rowLine + "): expected " + header.size()
                        + " fields as in the header, found " + fields.size())), origin(), asCsv(fields));
            }
            Map<String, Object> item = new LinkedHashMap<>(header.size() * 2);
            for (int i = 0; i < fields.size(); i++) {
                item.put(header.get(i), fields.get(i));
            }
            return item;
        } catch (IOException e) {
            throw in.readError(in.name + " line " + line, e);
        }
    }

    private static List<String> headerNames(List<String> raw) {
        List<String> names = new ArrayList<>(raw.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String n = raw.get(i);
            if (n == null || n.isEmpty()) n = "Unnamed: " + i;
            String unique = n;
            for (int k = 1; !seen.add(unique); k++) unique = n + "." + k;
            names.add(unique);
        }
        return names;
    }

    private int read() throws IOException {
        if (pos == len) {
            if (eof) return -1;
            len = reader.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                eof = true;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread() {
        pos--;
    }

    /** The next non-blank record's fields, or null at the end of the input. */
    private List<String> readRecord() throws IOException, SQLException {
        while (true) {
            int c = read();
            if (c == -1) return null;
            if (c == '\n' || c == '\r') {   // blank line
                endOfLine(c);
                continue;
            }
            unread();
            row++;
            rowLine = line;
            return readFields();
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            int n = read();
            if (n != '\n' && n != -1) unread();
        }
        line++;
    }

    private List<String> readFields() throws IOException, SQLException {
        List<String> fields = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = read();
            if (sb.length() == 0 && !quoted && c == '"') {
                quoted = true;
                long startLine = line;
                while (true) {
                    int q = read();
                    if (q == -1) {
                        throw DltSqlState.DATA_EXCEPTION.exception(Redaction.maskUrl("unterminated quoted field in "
                                + in.name + " row " + row + " (starting at line " + startLine + ")"));
                    }
                    if (q == '"') {
                        int n = read();
                        if (n == '"') {
                            sb.append('"');
                            continue;
                        }
                        if (n != -1) unread();
                        break;
                    }
                    if (q == '\n') line++;
                    if (q == '\r') {
                        int n = read();
                        if (n != '\n' && n != -1) unread();
                        line++;
                        sb.append('\r');
                        if (n == '\n') sb.append('\n');
                        continue;
                    }
                    sb.append((char) q);
                }
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                fields.add(quoted ? sb.toString() : (sb.length() == 0 ? null : sb.toString()));
                sb.setLength(0);
                quoted = false;
                if (c == ',') continue;
                if (c != -1) endOfLine(c);
                return fields;
            }
            sb.append((char) c);
        }
    }

    /** A record written back as one CSV line (quoted where needed), for the rejected-rows table. */
    private static String asCsv(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String f = fields.get(i);
            if (f == null) continue;
            if (f.isEmpty() || f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    @Override
    public ItemOrigin origin() {
        return new ItemOrigin(in.name, "row", row, rowLine, null);
    }

    @Override
    public long bytesRead() {
        return in.raw.count();
    }

    @Override
    public void close() throws SQLException {
        in.close();
    }
}
