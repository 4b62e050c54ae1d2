package io.dltjdbc.pipeline.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.dltjdbc.driver.DltSqlState;
import io.dltjdbc.driver.Redaction;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.SQLException;

/**
 * JSON Lines: one JSON value per line; blank lines are skipped; positions are file lines. Lines are split
 * on the raw bytes into one reusable buffer and each is parsed by a byte-level Jackson parser (it decodes
 * and validates UTF-8 itself; no per-line String copies). Parsing line by line, as dlt does, means a
 * malformed line is one bad item: the reader reports it with its text and goes on with the next line,
 * which is what {@code on_error = 'skip_row'} needs.
 */
final class JsonLinesReader implements RowReader {
    private static final int INITIAL_BUFFER = 1 << 16;
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final OpenedInput in;
    private byte[] buf = new byte[INITIAL_BUFFER];
    /** first byte of the next line */
    private int start;
    /** end of the valid bytes in buf */
    private int end;
    /** bytes before this index in [start, end) are known to hold no line break */
    private int scanned;
    private boolean eof;
    private long line;

    JsonLinesReader(OpenedInput in) {
        this.in = in;
    }

    @Override
    public Object next() throws SQLException {
        try {
            while (true) {
                int lineEnd = nextLineEnd();
                if (lineEnd < 0) {
                    return null;
                }
                int from = start;
                start = Math.min(lineEnd + 1, end);
                scanned = start;
                line++;
                if (!isBlank(from, lineEnd)) {
                    return parse(from, lineEnd);
                }
            }
        } catch (IOException e) {
            throw in.readError(in.name + " line " + (line + 1), e);
        }
    }

    /** Index of the line break ending the next line (or of the input's end), -1 when no line is left. */
    private int nextLineEnd() throws IOException {
        while (true) {
            int i = scanned;
            // eight bytes at a time: a tenth of the parsing thread went into this scan byte by byte
            for (; i + Long.BYTES <= end; i += Long.BYTES) {
                long newlines = (long) WORD.get(buf, i) ^ NEWLINES;
                long zeroBytes = (newlines - ONES) & ~newlines & HIGH_BITS; // lowest set bit marks the first '\n'
                if (zeroBytes != 0) {
                    return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
                }
            }
            for (; i < end; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            scanned = end;
            if (eof) {
                return start < end ? end : -1;
            }
            fill();
        }
    }

    /** Reads more input, first moving the unfinished line to the front or growing the buffer for a long line. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buf.length) {
            byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, Integer.MAX_VALUE - 8)];
            if (bigger.length == buf.length) {
                throw new IOException("a line longer than " + buf.length + " bytes");
            }
            System.arraycopy(buf, 0, bigger, 0, end);
            buf = bigger;
        }
        int n = in.data.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private Object parse(int from, int to) throws SQLException, IOException {
        try (JsonParser parser = JsonValues.FACTORY.createParser(buf, from, to - from)) {
            parser.nextToken();
            Object value = JsonValues.read(parser);
            if (parser.nextToken() != null) {
                throw malformed(from, to, DltSqlState.BAD_JSON.exception(JsonValues.malformed(in.name, line,
                        parser.currentTokenLocation().getColumnNr(), "more than one JSON value on the line")));
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String detail = e.getOriginalMessage();
            if (detail != null && detail.startsWith("Invalid UTF-8")) {
                throw malformed(from, to, DltSqlState.INVALID_TEXT_REPRESENTATION.exception(Redaction.maskUrl("invalid UTF-8 in "
                        + in.name + " line " + line + " (" + detail + "); input must be UTF-8"), e));
            }
            throw malformed(from, to, DltSqlState.BAD_JSON.exception(JsonValues.malformed(in.name, line,
                    location == null ? -1 : location.getColumnNr(), detail), e));
        }
    }

    private MalformedItemException malformed(int from, int to, SQLException error) {
        return new MalformedItemException(error, origin(), MalformedItemException.rawText(buf, from, to));
    }

    @Override
    public ItemOrigin origin() {
        return ItemOrigin.ofLine(in.name, line);
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
