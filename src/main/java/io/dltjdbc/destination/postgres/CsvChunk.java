package io.dltjdbc.destination.postgres;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that CSV lines are encoded into once, straight from the values, and
 * handed to COPY without another copy (no StringBuilder, no per-character appends).
 */
final class CsvChunk {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    CsvChunk(int capacity) {
        bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    void append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
    }

    void appendRaw(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    /** A quoted CSV field: quotes doubled, everything else (newlines included) kept as is. */
    void appendQuoted(String text) {
        append('"');
        appendRaw(text.indexOf('"') < 0 ? text : text.replace("\"", "\"\""));
        append('"');
    }

    /** bytea's hex input format: {@code \x0a1b...}. */
    void appendHex(byte[] data) {
        ensure(2 + data.length * 2);
        bytes[length++] = '\\';
        bytes[length++] = 'x';
        for (byte b : data) {
            bytes[length++] = HEX[(b >> 4) & 0xF];
            bytes[length++] = HEX[b & 0xF];
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
