package io.dltjdbc.pipeline.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: a malformed sequence raises {@link InvalidUtf8Exception} with the line
 * (1-based, counted by '\n') and byte offset where it occurs, instead of a silent U+FFFD. A
 * leading byte order mark is dropped.
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16384);
    private final CharBuffer chars = CharBuffer.allocate(16384);
    private boolean eof;
    private boolean flushed;
    private boolean first = true;
    private long line = 1;
    private long byteOffset;

    /** Thrown on bytes that are not UTF-8. */
    static final class InvalidUtf8Exception extends IOException {
        final long line;
        final long byteOffset;

        InvalidUtf8Exception(long line, long byteOffset) {
            super("invalid UTF-8 at line " + line + " (byte offset " + byteOffset + ")");
            this.line = line;
            this.byteOffset = byteOffset;
        }
    }

    Utf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!chars.hasRemaining()) {
            if (!fill()) return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (flushed) return false;
        chars.clear();
        while (true) {
            if (!eof) {
                bytes.compact();
                int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (r < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + r);
                }
                bytes.flip();
            }
            int before = bytes.position();
            int charsBefore = chars.position();
            CoderResult cr = decoder.decode(bytes, chars, eof);
            byteOffset += bytes.position() - before;
            countLines(charsBefore, chars.position());
            if (cr.isError()) throw new InvalidUtf8Exception(line, byteOffset);
            if (eof && cr.isUnderflow()) {
                charsBefore = chars.position();
                cr = decoder.flush(chars);
                countLines(charsBefore, chars.position());
                flushed = cr.isUnderflow();
            }
            if (chars.position() > 0 || flushed) {
                chars.flip();
                if (first && chars.hasRemaining()) {
                    first = false;
                    if (chars.get(chars.position()) == '\uFEFF') chars.get();
                }
                return chars.hasRemaining() || !flushed;
            }
        }
    }

    private void countLines(int from, int to) {
        char[] a = chars.array();
        for (int i = from; i < to; i++) {
            if (a[i] == '\n') line++;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
