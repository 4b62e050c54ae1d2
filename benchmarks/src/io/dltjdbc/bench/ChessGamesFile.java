package io.dltjdbc.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes N chess.com-shaped game records as JSONL, deterministically (same seed, same bytes): the real
 * game fields (see shared/fixtures/chess/SHAPES.md), {@code white}/{@code black}/{@code accuracies}
 * objects, a long multi-line {@code pgn}, and a {@code moves} list of 5-40 objects that becomes a
 * child table.
 */
public final class ChessGamesFile {
    private static final String[] RESULTS = {"win", "resigned", "checkmated", "timeout", "repetition", "agreed"};
    private static final String[] CLASSES = {"bullet", "blitz", "rapid", "daily"};
    private static final String[] SANS = {"e4", "e5", "Nf3", "Nc6", "Bb5", "a6", "Ba4", "Nf6", "O-O", "Be7", "Re1", "b5"};

    private ChessGamesFile() {
    }

    public static Path write(Path file, long records) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        JsonFactory factory = new JsonFactory();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (long i = 0; i < records; i++) {
                game(g, random, i);
                g.writeRaw('\n');
            }
        }
        return file;
    }

    private static void game(JsonGenerator g, SplittableRandom random, long i) throws IOException {
        long endTime = 1_667_260_800L + i * 37;
        g.writeStartObject();
        g.writeStringField("url", "https://www.chess.com/game/live/" + (60_000_000_000L + i));
        g.writeStringField("pgn", pgn(random, i));
        g.writeStringField("time_control", random.nextInt(4) == 0 ? "180+1" : "60");
        g.writeNumberField("end_time", endTime);
        g.writeBooleanField("rated", random.nextBoolean());
        if (random.nextInt(10) != 0) {
            g.writeObjectFieldStart("accuracies");
            g.writeNumberField("white", Math.round(random.nextDouble(50, 100) * 100) / 100.0);
            g.writeNumberField("black", Math.round(random.nextDouble(50, 100) * 100) / 100.0);
            g.writeEndObject();
        }
        g.writeStringField("tcn", "mC0Kgv5QlB!Tbs9IfH" + Long.toString(i, 36));
        g.writeStringField("uuid", new java.util.UUID(i, ~i).toString());
        g.writeStringField("initial_setup", "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1");
        g.writeStringField("fen", "r1bqk2r/2ppbppp/p1n2n2/1p2p3/4P3/1B3N2/PPPP1PPP/RNBQR1K1 b kq - 1 7");
        g.writeStringField("time_class", CLASSES[random.nextInt(CLASSES.length)]);
        g.writeStringField("rules", "chess");
        player(g, "white", random, i);
        player(g, "black", random, i + 1);
        g.writeStringField("eco", "https://www.chess.com/openings/Ruy-Lopez-Opening-Morphy-Defense");
        g.writeArrayFieldStart("moves");
        int moves = 5 + random.nextInt(36);
        for (int m = 0; m < moves; m++) {
            g.writeStartObject();
            g.writeNumberField("ply", m + 1);
            g.writeStringField("san", SANS[random.nextInt(SANS.length)]);
            g.writeNumberField("clock", 180.0 - m * 1.7);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void player(JsonGenerator g, String color, SplittableRandom random, long i) throws IOException {
        String name = "player" + (i % 5000);
        g.writeObjectFieldStart(color);
        g.writeNumberField("rating", 1200 + random.nextInt(1800));
        g.writeStringField("result", RESULTS[random.nextInt(RESULTS.length)]);
        g.writeStringField("@id", "https://api.chess.com/pub/player/" + name);
        g.writeStringField("username", name);
        g.writeStringField("uuid", new java.util.UUID(~i, i).toString());
        g.writeEndObject();
    }

    private static String pgn(SplittableRandom random, long i) {
        StringBuilder pgn = new StringBuilder(1600);
        pgn.append("[Event \"Live Chess\"]\n[Site \"Chess.com\"]\n[Date \"2022.11.01\"]\n[Round \"-\"]\n")
                .append("[White \"player").append(i % 5000).append("\"]\n[Black \"player").append((i + 1) % 5000)
                .append("\"]\n[Result \"1-0\"]\n[TimeControl \"60\"]\n[Termination \"won on time\"]\n\n");
        for (int move = 1; pgn.length() < 1500; move++) {
            pgn.append(move).append(". ").append(SANS[random.nextInt(SANS.length)]).append(" {[%clk 0:00:5")
                    .append(random.nextInt(10)).append(".").append(random.nextInt(10)).append("]} ");
        }
        return pgn.append("1-0\n").toString();
    }
}
