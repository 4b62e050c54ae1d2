package io.dltjdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free child id path against the plain one (dlt's vectors are in HashesAndNamingTest). */
class DltIdsTest {
    private static byte[] infix(String table) {
        return ("_" + table + "_").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fastChildIdsEqualTheGeneralDigestAtEveryTextLength() {
        DltIds ids = new DltIds(1);
        SplittableRandom random = new SplittableRandom(3);
        // texts from a few bytes up to past one 168-byte block, so both sides of the boundary are covered
        for (int length = 0; length < 200; length++) {
            String parent = "p".repeat(length);
            for (int index : new int[] {0, 1, 9, 10, 99, 12345, Integer.MAX_VALUE}) {
                String table = "games__moves" + "_x".repeat(random.nextInt(4));
                assertEquals(DltIds.childId(parent, table, index), ids.childId(parent, infix(table), index),
                    parent + " " + table + " " + index);
            }
        }
    }

    @Test
    void nonAsciiParentIdsAndTablesTakeTheirUtf8Bytes() {
        DltIds ids = new DltIds(1);
        for (String parent : new String[] {"abc", "ünïcødé", "id\uD83D\uDE00x", "a\uD800b", "x".repeat(150) + "é"}) {
            for (String table : new String[] {"t__xs", "tä__ß"}) {
                assertEquals(DltIds.childId(parent, table, 7), ids.childId(parent, infix(table), 7));
                assertEquals(DltIds.childId(parent, table, 7), ids.childId(parent, infix(table), 7)); // scratch reset
            }
        }
        assertEquals("ivYBBWB80RQZmg", ids.childId("abc", infix("t__xs"), 0)); // dlt's vector
    }

    @Test
    void base64OfTwoLanesEqualsTheJdkEncoderOfTheTenBytes() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            long low = random.nextLong();
            long high = random.nextLong();
            byte[] bytes = new byte[10];
            for (int b = 0; b < 8; b++) {
                bytes[b] = (byte) (low >>> (8 * b));
            }
            bytes[8] = (byte) high;
            bytes[9] = (byte) (high >>> 8);
            assertEquals(Base64.getEncoder().withoutPadding().encodeToString(bytes), DltIds.base64(low, high));
        }
    }
}
