package io.dltjdbc.schema;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * dlt's row ids: 10 bytes, base64 without padding (14 characters). Not thread-safe: one instance per
 * normalizer, whose child ids reuse its scratch state.
 */
final class DltIds {
    static final int ID_BYTES = 10;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final byte[] ALPHABET =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    /** reads 8 bytes of the block as one little-endian Keccak lane */
    private static final VarHandle LANE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** longest text hashed in one block: the SHAKE padding needs at least one byte of it */
    private static final int MAX_SHORT_TEXT = Shake128.RATE - 1;
    /** digits of the largest int */
    private static final int MAX_INDEX_DIGITS = 10;

    private final SplittableRandom random;
    private final long[] state = new long[25];
    /** the text of a child id, zero beyond it between calls: ids are short, so one block holds all of it */
    private final byte[] block = new byte[Shake128.RATE];

    DltIds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Random id of a root row. dlt uses uuid4 bytes; ids only need to be unique, not secret, so a fast PRNG
     * seeded once per normalizer from SecureRandom is enough.
     */
    String randomId() {
        return base64(random.nextLong(), random.nextLong());
    }

    /** Deterministic id of a child row: {@code "{parent_id}_{table}_{list_idx}"}. */
    static String childId(String parentId, String table, int listIndex) {
        return digest(parentId + "_" + table + "_" + listIndex);
    }

    /**
     * The same id as {@link #childId(String, String, int)}, {@code infix} being the UTF-8 of {@code "_{table}_"}.
     * A child id costs one Keccak permutation, and at a few million child rows per load everything around it
     * counted too: here the text is laid out in the reused block and absorbed lane by lane, and the digest is
     * encoded straight from the state, so the returned String is the only allocation.
     */
    String childId(String parentId, byte[] infix, int listIndex) {
        int parentLength = parentId.length();
        if (listIndex < 0 || parentLength + infix.length + MAX_INDEX_DIGITS > MAX_SHORT_TEXT) {
            return slowChildId(parentId, infix, listIndex);
        }
        byte[] text = block;
        for (int i = 0; i < parentLength; i++) {
            char c = parentId.charAt(i);
            if (c >= 0x80) { // a _dlt_id from the data in non-ASCII text: take the general UTF-8 path
                Arrays.fill(text, 0, i, (byte) 0);
                return slowChildId(parentId, infix, listIndex);
            }
            text[i] = (byte) c;
        }
        System.arraycopy(infix, 0, text, parentLength, infix.length);
        int length = parentLength + infix.length + digits(listIndex);
        for (int i = length - 1, n = listIndex; ; i--, n /= 10) {
            text[i] = (byte) ('0' + n % 10);
            if (n < 10) {
                break;
            }
        }
        text[length] = 0x1F; // SHAKE's domain separation; its final pad bit goes into the last lane below
        int lanes = (length >> 3) + 1;
        long[] s = state;
        for (int lane = 0; lane < lanes; lane++) {
            s[lane] = (long) LANE.get(text, lane << 3);
        }
        Arrays.fill(s, lanes, s.length, 0L);
        s[Shake128.RATE / 8 - 1] ^= 0x80L << 56;
        Arrays.fill(text, 0, lanes << 3, (byte) 0);
        Shake128.permute(s);
        return base64(s[0], s[1]);
    }

    private static String slowChildId(String parentId, byte[] infix, int listIndex) {
        return digest(parentId + new String(infix, StandardCharsets.UTF_8) + listIndex);
    }

    private static int digits(int n) {
        int digits = 1;
        while (n >= 10) {
            n /= 10;
            digits++;
        }
        return digits;
    }

    /**
     * base64 (no padding) of 10 bytes given as two little-endian lanes: all 8 bytes of {@code low}, then the
     * 2 lowest of {@code high}.
     */
    static String base64(long low, long high) {
        long first = Long.reverseBytes(low); // bytes 0..7, byte 0 most significant: base64 reads big-endian
        int last = (int) ((high & 0xFF) << 8 | (high >>> 8) & 0xFF); // bytes 8..9
        byte[] out = new byte[14];
        for (int i = 0; i < 10; i++) {
            out[i] = ALPHABET[(int) (first >>> (58 - 6 * i)) & 63]; // bits 6i..6i+5 of the 64
        }
        out[10] = ALPHABET[(int) (first & 0xF) << 2 | last >>> 14];
        out[11] = ALPHABET[last >>> 8 & 63];
        out[12] = ALPHABET[last >>> 2 & 63];
        out[13] = ALPHABET[(last & 3) << 4];
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** base64 of 10 bytes of SHAKE-128 of the UTF-8 text (dlt's digest128). */
    static String digest(String text) {
        return BASE64.encodeToString(Shake128.digest(text.getBytes(StandardCharsets.UTF_8), ID_BYTES));
    }
}
