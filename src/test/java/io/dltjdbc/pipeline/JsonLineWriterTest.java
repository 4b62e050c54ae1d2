package io.dltjdbc.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The staged files' writer produces exactly the bytes Jackson's generator wrote before it. */
class JsonLineWriterTest {
    private static final String ALPHABET = "aZ09 _-/\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080é\u00ff\u0100€\u07ff\u0800\uffff\ufffe";

    private static String randomText(SplittableRandom random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        while (text.length() < length) {
            int kind = random.nextInt(10);
            if (kind == 0) {
                text.appendCodePoint(0x10000 + random.nextInt(0xFFFFF)); // a surrogate pair
            } else if (kind == 1) {
                text.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
            } else if (kind < 5) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    /** Writes the same row both ways: {@code kind} picks each value's type. */
    private static void row(SplittableRandom random, JsonGenerator g, JsonLineWriter w) throws IOException {
        g.writeStartObject();
        w.startObject();
        int fields = random.nextInt(8);
        for (int f = 0; f < fields; f++) {
            String name = random.nextInt(3) == 0 ? randomText(random, 6) : "col" + random.nextInt(5);
            g.writeFieldName(name);
            w.field(name);
            switch (random.nextInt(6)) {
                case 0 -> {
                    String text = randomText(random, random.nextInt(20) == 0 ? 20_000 : 40);
                    g.writeString(text);
                    w.string(text);
                }
                case 1 -> {
                    long n = switch (random.nextInt(4)) {
                        case 0 -> Long.MIN_VALUE;
                        case 1 -> Long.MAX_VALUE;
                        case 2 -> random.nextInt(21) - 10;
                        default -> random.nextLong();
                    };
                    g.writeNumber(n);
                    w.number(n);
                }
                case 2 -> {
                    double d = random.nextBoolean() ? Double.longBitsToDouble(random.nextLong()) : random.nextInt(1000) / 7.0;
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        d = -0.0;
                    }
                    g.writeNumber(d);
                    w.literal(Double.toString(d));
                }
                case 3 -> {
                    boolean b = random.nextBoolean();
                    g.writeBoolean(b);
                    w.literal(b ? "true" : "false");
                }
                case 4 -> {
                    String json = "{\"k\":\"" + randomText(random, 30).replaceAll("[\\p{Cs}\"\\\\\\p{Cc}]", "x") + "\u00e9\ud83d\ude00\"}";
                    g.writeRawValue(json);
                    w.rawJson(json);
                }
                default -> {
                    String big = "-" + "9".repeat(random.nextInt(100_000) + 1);
                    g.writeNumber(big);
                    w.literal(big);
                }
            }
        }
        g.writeEndObject();
        g.writeRaw('\n');
        w.endObject();
    }

    @Test
    void rowsAreByteForByteWhatJacksonWrote() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        ByteArrayOutputStream jackson = new ByteArrayOutputStream();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(jackson, JsonEncoding.UTF8);
             JsonLineWriter w = new JsonLineWriter(ours)) {
            g.setRootValueSeparator(null);
            for (int i = 0; i < 3_000; i++) {
                row(random, g, w);
            }
        }
        assertArrayEquals(jackson.toByteArray(), ours.toByteArray());
    }

    @Test
    void aLoneSurrogateInJsonTextFailsAsItDidInJackson() throws IOException {
        try (JsonLineWriter w = new JsonLineWriter(new ByteArrayOutputStream())) {
            w.startObject();
            w.field("j");
            assertThrows(IOException.class, () -> w.rawJson("[\"\uD800\"]"));
            assertThrows(IOException.class, () -> w.rawJson("\uDC00"));
            assertThrows(IOException.class, () -> w.rawJson("x\uD800"));
        }
    }
}
