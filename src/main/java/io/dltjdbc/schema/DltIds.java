package io.dltjdbc.schema;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/** dlt's row ids: 10 bytes, base64 without padding (14 characters). */
final class DltIds {
    static final int ID_BYTES = 10;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private final SplittableRandom random;

    DltIds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Random id of a root row. dlt uses uuid4 bytes; ids only need to be unique, not secret, so a fast PRNG
     * seeded once per normalizer from SecureRandom is enough.
     */
    String randomId() {
        byte[] bytes = new byte[ID_BYTES];
        long a = random.nextLong();
        long b = random.nextLong();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a >>> (8 * i));
        }
        bytes[8] = (byte) b;
        bytes[9] = (byte) (b >>> 8);
        return BASE64.encodeToString(bytes);
    }

    /** Deterministic id of a child row: {@code "{parent_id}_{table}_{list_idx}"}. */
    static String childId(String parentId, String table, int listIndex) {
        return digest(parentId + "_" + table + "_" + listIndex);
    }

    /** base64 of 10 bytes of SHAKE-128 of the UTF-8 text (dlt's digest128). */
    static String digest(String text) {
        return BASE64.encodeToString(Shake128.digest(text.getBytes(StandardCharsets.UTF_8), ID_BYTES));
    }
}
