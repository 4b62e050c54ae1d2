package io.dltjdbc.pipeline.source;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * One item of the input could not be read (a malformed JSON line, a ragged CSV record) but the reader has
 * moved past it and can go on with the next one. Under {@code on_error = 'abort'} it fails the load like any
 * other error (same SQLState and message); under {@code 'skip_row'} the item is recorded as rejected, with
 * the text as it was in the input.
 */
public final class MalformedItemException extends SQLException {
    /** Longest raw text kept of one rejected item; the source and line say where to find the rest. */
    public static final int MAX_RAW_BYTES = 1 << 20;

    private final transient ItemOrigin origin;
    private final String rawText;

    MalformedItemException(SQLException error, ItemOrigin origin, String rawText) {
        super(error.getMessage(), error.getSQLState(), error.getErrorCode(), error.getCause());
        this.origin = origin;
        this.rawText = rawText;
    }

    /** The item's bytes as text (invalid UTF-8 replaced), at most {@link #MAX_RAW_BYTES} of them. */
    static String rawText(byte[] bytes, int from, int to) {
        return new String(bytes, from, Math.min(to - from, MAX_RAW_BYTES), StandardCharsets.UTF_8);
    }

    public ItemOrigin origin() {
        return origin;
    }

    public String rawText() {
        return rawText;
    }
}
