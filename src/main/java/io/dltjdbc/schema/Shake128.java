package io.dltjdbc.schema;

/**
 * SHAKE-128 (FIPS 202) over Keccak-f[1600]. The JDK ships SHA3 digests but no SHAKE XOF, and dlt derives
 * row ids and identifier tags from SHAKE-128, so we carry this small implementation instead of a dependency.
 */
public final class Shake128 {
    static final int RATE = 168; // bytes: 1600 - 2 * 128 bits of capacity
    private static final long[] RC = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};

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

    /** Keccak-f[1600] with the 25 lanes in locals: no allocation, and the JIT keeps them in registers. */
    static void permute(long[] state) {
        long a00 = state[0];
        long a01 = state[1];
        long a02 = state[2];
        long a03 = state[3];
        long a04 = state[4];
        long a05 = state[5];
        long a06 = state[6];
        long a07 = state[7];
        long a08 = state[8];
        long a09 = state[9];
        long a10 = state[10];
        long a11 = state[11];
        long a12 = state[12];
        long a13 = state[13];
        long a14 = state[14];
        long a15 = state[15];
        long a16 = state[16];
        long a17 = state[17];
        long a18 = state[18];
        long a19 = state[19];
        long a20 = state[20];
        long a21 = state[21];
        long a22 = state[22];
        long a23 = state[23];
        long a24 = state[24];
        for (int round = 0; round < 24; round++) {
            long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            a00 ^= d0;
            a01 ^= d1;
            a02 ^= d2;
            a03 ^= d3;
            a04 ^= d4;
            a05 ^= d0;
            a06 ^= d1;
            a07 ^= d2;
            a08 ^= d3;
            a09 ^= d4;
            a10 ^= d0;
            a11 ^= d1;
            a12 ^= d2;
            a13 ^= d3;
            a14 ^= d4;
            a15 ^= d0;
            a16 ^= d1;
            a17 ^= d2;
            a18 ^= d3;
            a19 ^= d4;
            a20 ^= d0;
            a21 ^= d1;
            a22 ^= d2;
            a23 ^= d3;
            a24 ^= d4;
            long b00 = a00;
            long b01 = Long.rotateLeft(a06, 44);
            long b02 = Long.rotateLeft(a12, 43);
            long b03 = Long.rotateLeft(a18, 21);
            long b04 = Long.rotateLeft(a24, 14);
            long b05 = Long.rotateLeft(a03, 28);
            long b06 = Long.rotateLeft(a09, 20);
            long b07 = Long.rotateLeft(a10, 3);
            long b08 = Long.rotateLeft(a16, 45);
            long b09 = Long.rotateLeft(a22, 61);
            long b10 = Long.rotateLeft(a01, 1);
            long b11 = Long.rotateLeft(a07, 6);
            long b12 = Long.rotateLeft(a13, 25);
            long b13 = Long.rotateLeft(a19, 8);
            long b14 = Long.rotateLeft(a20, 18);
            long b15 = Long.rotateLeft(a04, 27);
            long b16 = Long.rotateLeft(a05, 36);
            long b17 = Long.rotateLeft(a11, 10);
            long b18 = Long.rotateLeft(a17, 15);
            long b19 = Long.rotateLeft(a23, 56);
            long b20 = Long.rotateLeft(a02, 62);
            long b21 = Long.rotateLeft(a08, 55);
            long b22 = Long.rotateLeft(a14, 39);
            long b23 = Long.rotateLeft(a15, 41);
            long b24 = Long.rotateLeft(a21, 2);
            a00 = b00 ^ (~b01 & b02);
            a01 = b01 ^ (~b02 & b03);
            a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00);
            a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08);
            a07 = b07 ^ (~b08 & b09);
            a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a00 ^= RC[round];
        }
        state[0] = a00;
        state[1] = a01;
        state[2] = a02;
        state[3] = a03;
        state[4] = a04;
        state[5] = a05;
        state[6] = a06;
        state[7] = a07;
        state[8] = a08;
        state[9] = a09;
        state[10] = a10;
        state[11] = a11;
        state[12] = a12;
        state[13] = a13;
        state[14] = a14;
        state[15] = a15;
        state[16] = a16;
        state[17] = a17;
        state[18] = a18;
        state[19] = a19;
        state[20] = a20;
        state[21] = a21;
        state[22] = a22;
        state[23] = a23;
        state[24] = a24;
    }
}
