package io.dltjdbc.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes JSON objects, one per line, straight into a byte buffer: the staged files' only writer, so it does
 * less than a general JSON generator (no nesting state to check, field names encoded once per file, one tight
 * loop per string). Its bytes are exactly those of Jackson's {@code UTF8JsonGenerator} with default settings,
 * which wrote these files before and whose parser reads them back for some destinations: control characters
 * as {@code \\n}-style or uppercase {@code \\u00XX} escapes, each UTF-16 surrogate as its own {@code \\uXXXX},
 * everything else as UTF-8.
 */
final class JsonLineWriter implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;
    /** chars escaped per step: the worst case (6 bytes each) fits the buffer */
    private static final int CHUNK = BUFFER_BYTES / 8;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** per ASCII char: 0 to copy it, 'u' for {@code \\u00XX}, else the character following the backslash */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private char[] chars = new char[64];
    /** {@code "name":} per field name, encoded at its first use */
    private final Map<String, byte[]> names = new HashMap<>();
    /**
     * The names (compared by identity) and encodings of the last object's fields, by place: a table's rows
     * name their columns with the same String instances in the same order, so this spares the map lookup.
     */
    private final String[] recentNames = new String[64];
    private final byte[][] recentEncoded = new byte[64][];
    private int fieldIndex;

    JsonLineWriter(OutputStream out) {
        this.out = out;
    }

    void startObject() throws IOException {
        require(1);
        buffer[position++] = '{';
        fieldIndex = 0;
    }

    /** Ends the object and the line. */
    void endObject() throws IOException {
        require(2);
        buffer[position++] = '}';
        buffer[position++] = '\n';
    }

    void field(String name) throws IOException {
        int index = fieldIndex++;
        byte[] encoded;
        if (index < recentNames.length && recentNames[index] == name) {
            encoded = recentEncoded[index];
        } else {
            encoded = names.get(name);
            if (encoded == null) {
                encoded = encodeName(name);
                names.put(name, encoded);
            }
            if (index < recentNames.length) {
                recentNames[index] = name;
                recentEncoded[index] = encoded;
            }
        }
        require(1);
        if (index > 0) {
            buffer[position++] = ',';
        }
        bytes(encoded);
    }

    private void bytes(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length) {
            flush();
            out.write(bytes);
            return;
        }
        require(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private static byte[] encodeName(String name) {
        char[] text = name.toCharArray();
        byte[] encoded = new byte[text.length * 6 + 3];
        encoded[0] = '"';
        int end = escape(text, text.length, encoded, 1);
        encoded[end++] = '"';
        encoded[end++] = ':';
        return Arrays.copyOf(encoded, end);
    }

    void string(String text) throws IOException {
        require(1);
        buffer[position++] = '"';
        int length = text.length();
        for (int from = 0; from < length; from += CHUNK) {
            int to = Math.min(length, from + CHUNK);
            if (chars.length < to - from) {
                chars = new char[CHUNK];
            }
            text.getChars(from, to, chars, 0);
            require((to - from) * 6);
            position = escape(chars, to - from, buffer, position);
        }
        require(1);
        buffer[position++] = '"';
    }

    /**
     * Escapes {@code count} chars into {@code out} from {@code at}, which has room for 6 bytes per char; returns
     * the end. The loop's first branch is the common case and kept short.
     */
    private static int escape(char[] text, int count, byte[] out, int at) {
        int p = at;
        for (int i = 0; i < count; i++) {
            char c = text[i];
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    out[p++] = (byte) c;
                } else if (escape == 'u') {
                    p = unicodeEscape(c, out, p);
                } else {
                    out[p++] = '\\';
                    out[p++] = escape;
                }
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                p = unicodeEscape(c, out, p); // as Jackson: surrogates escaped one by one, never combined
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    private static int unicodeEscape(char c, byte[] out, int at) {
        out[at] = '\\';
        out[at + 1] = 'u';
        out[at + 2] = HEX[c >> 12];
        out[at + 3] = HEX[c >> 8 & 0xF];
        out[at + 4] = HEX[c >> 4 & 0xF];
        out[at + 5] = HEX[c & 0xF];
        return at + 6;
    }

    /**
     * Text that already is JSON, as UTF-8: a surrogate pair becomes one 4-byte character, and a lone surrogate
     * fails the write as it did in Jackson (there is no UTF-8 for it).
     */
    void rawJson(String json) throws IOException {
        int length = json.length();
        int i = 0;
        while (i < length) {
            int to = Math.min(length, i + CHUNK);
            require((to - i) * 3 + 1); // 3 bytes per char; a pair across the chunk's end needs one more
            byte[] out = buffer;
            int p = position;
            for (; i < to; i++) {
                char c = json.charAt(i);
                if (c < 0x80) {
                    out[p++] = (byte) c;
                } else if (c < 0x800) {
                    out[p++] = (byte) (0xC0 | c >> 6);
                    out[p++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    char low = i + 1 < length ? json.charAt(i + 1) : 0;
                    if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
                        position = p;
                        throw new IOException(String.format("Incomplete surrogate pair in json text: char 0x%04X", (int) c));
                    }
                    int code = Character.toCodePoint(c, low);
                    out[p++] = (byte) (0xF0 | code >> 18);
                    out[p++] = (byte) (0x80 | code >> 12 & 0x3F);
                    out[p++] = (byte) (0x80 | code >> 6 & 0x3F);
                    out[p++] = (byte) (0x80 | code & 0x3F);
                    i++;
                } else {
                    out[p++] = (byte) (0xE0 | c >> 12);
                    out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[p++] = (byte) (0x80 | c & 0x3F);
                }
            }
            position = p;
        }
    }

    /** ASCII text written as is: numbers, {@code true}, {@code null}. */
    void literal(String ascii) throws IOException {
        int length = ascii.length();
        if (length > buffer.length) {
            bytes(ascii.getBytes(StandardCharsets.US_ASCII));
            return;
        }
        require(length);
        ascii.getBytes(0, length, buffer, position); // the deprecated copy is exact for ASCII, and allocates nothing
        position += length;
    }

    void number(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            literal(Long.toString(value)); // its magnitude has no positive long
            return;
        }
        require(20);
        long v = value;
        if (v < 0) {
            buffer[position++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long rest = v; rest >= 10; rest /= 10) {
            digits++;
        }
        int p = position + digits;
        position = p;
        do {
            buffer[--p] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }

    private void require(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
