package io.dltjdbc.schema;

/**
 * SHAKE-128 (FIPS 202) over Keccak-f[1600]. The JDK ships SHA3 digests but no SHAKE XOF, and dlt derives
 * row ids and identifier tags from SHAKE-128, so we carry this small implementation instead of a dependency.
 */
public final class Shake128 {
    private static final int RATE = 168; // bytes: 1600 - 2 * 128 bits of capacity
    private static final long[] RC = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    private static final int[] ROTATION = {
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};

    private Shake128() {
    }

    /** Absorbs {@code input} and squeezes {@code outputBytes} bytes. */
    public static byte[] digest(byte[] input, int outputBytes) {
        long[] state = new long[25];
        int offset = 0;
        while (input.length - offset >= RATE) {
            xorBlock(state, input, offset, RATE);
            permute(state);
            offset += RATE;
        }
        // last partial block with SHAKE domain separation (0x1F) and the final pad bit (0x80)
        byte[] last = new byte[RATE];
        int remaining = input.length - offset;
        System.arraycopy(input, offset, last, 0, remaining);
        last[remaining] ^= 0x1F;
        last[RATE - 1] ^= (byte) 0x80;
        xorBlock(state, last, 0, RATE);
        permute(state);

        byte[] out = new byte[outputBytes];
        int produced = 0;
        while (true) {
            for (int i = 0; i < RATE && produced < outputBytes; i++) {
                out[produced++] = (byte) (state[i >> 3] >>> (8 * (i & 7)));
            }
            if (produced == outputBytes) {
                return out;
            }
            permute(state);
        }
    }

    private static void xorBlock(long[] state, byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            state[i >> 3] ^= (data[offset + i] & 0xFFL) << (8 * (i & 7));
        }
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (int round = 0; round < 24; round++) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[y + x] ^= d;
                }
            }
            // rho and pi: lane (x, y) moves to (y, 2x + 3y)
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    int from = x + 5 * y;
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[from], ROTATION[from]);
                }
            }
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
                }
            }
            a[0] ^= RC[round];
        }
    }
}
