package io.dltjdbc.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line splitting (scanned eight bytes at a time) at every line length and buffer position. */
class JsonLinesReaderTest {
    @TempDir
    Path dir;

    @Test
    void everyLineIsFoundWhateverItsLengthAndContent() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder();
        int lines = 3_000;
        String[] expected = new String[lines];
        for (int i = 0; i < lines; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(i % 100 == 0 ? 70_000 : 40); // some lines outgrow the 64 KB buffer
            for (int c = 0; c < length; c++) {
                value.append("aé€\u0089\u008a\t\u00ff0".charAt(random.nextInt(8))); // UTF-8 bytes around 0x0A
            }
            expected[i] = value.toString().replace("\t", "\\t");
            text.append("{\"v\": \"").append(expected[i]).append('"').append('}');
            text.append(i % 7 == 0 ? "\r\n" : i % 11 == 0 ? "\n\n" : "\n");
        }
        Path file = dir.resolve("lines.jsonl");
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        try (RowReader reader = SourceReaders.open(file.toString(), null, dir, null)) {
            for (int i = 0; i < lines; i++) {
                Map<?, ?> item = (Map<?, ?>) reader.next();
                assertEquals(expected[i].replace("\\t", "\t"), item.get("v"), "line " + (i + 1));
            }
            assertNull(reader.next());
        }
    }
}
