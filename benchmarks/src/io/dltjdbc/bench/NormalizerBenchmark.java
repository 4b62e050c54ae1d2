package io.dltjdbc.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltjdbc.schema.NamingConvention;
import io.dltjdbc.schema.Normalizer;
import io.dltjdbc.schema.NormalizerOptions;
import io.dltjdbc.schema.ColumnHints;
import io.dltjdbc.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Issue #12's benchmark: chess-shaped records through the normalizer. Run: benchmarks/run.sh NormalizerBenchmark [records] */
public class NormalizerBenchmark {
    static final String[] RESULTS = {"win", "resigned", "checkmated", "timeout", "repetition", "agreed"};
    static final String[] CLASSES = {"bullet", "blitz", "rapid", "daily"};
    static long sinkChecksum;

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ObjectMapper mapper = new ObjectMapper();

        // 1. normalizer only: Maps handed over directly (generation is outside the timed region per batch)
        Map<String, Object>[] batch = batch(2_000);
        long inputBytes = 0;
        for (Map<String, Object> g : batch) {
            inputBytes += mapper.writeValueAsBytes(g).length;
        }
        double bytesPerRecord = (double) inputBytes / batch.length;
        run("warm-up", batch, 200_000);
        resetPeaks();
        long t0 = System.nanoTime();
        run("maps", batch, records);
        double secs = (System.nanoTime() - t0) / 1e9;
        report("normalize Maps", records, secs, records * bytesPerRecord);

        // 2. Jackson parse + normalize from JSONL bytes (a 5,000 record buffer parsed repeatedly)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map<String, Object> g : batch(5_000)) {
            out.write(mapper.writeValueAsBytes(g));
            out.write('\n');
        }
        byte[] jsonl = out.toByteArray();
        resetPeaks();
        Normalizer normalizer = newNormalizer();
        int done = 0;
        long bytes = 0;
        t0 = System.nanoTime();
        while (done < records) {
            try (MappingIterator<Object> it = mapper.readerFor(Object.class).readValues(jsonl)) {
                while (it.hasNext() && done < records) {
                    normalizer.normalize(it.next(), (table, row) -> sinkChecksum += row.size());
                    done++;
                }
            }
            bytes += jsonl.length;
        }
        secs = (System.nanoTime() - t0) / 1e9;
        report("parse JSONL + normalize", done, secs, Math.min(bytes, (double) done * jsonl.length / 5_000));
        System.out.println("tables: " + normalizer.rowCounts() + " (checksum " + sinkChecksum + ")");
    }

    static Normalizer newNormalizer() {
        NormalizerOptions options = NormalizerOptions.defaults().withColumnHints(ColumnHints.parse("end_time timestamp"));
        return new Normalizer(new Schema("chess"), "players_games", options, new NamingConvention(63), "1700000000.1");
    }

    static void run(String label, Map<String, Object>[] batch, int records) throws Exception {
        Normalizer normalizer = newNormalizer();
        for (int i = 0; i < records; i++) {
            normalizer.normalize(batch[i % batch.length], (table, row) -> sinkChecksum += row.size());
        }
    }

    static void report(String label, long records, double secs, double bytes) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%-26s %,d records in %.2f s: %,.0f records/s, %.1f MB/s input, peak heap %.1f MB%n",
            label, records, secs, records / secs, bytes / secs / 1e6, peak / 1e6);
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object>[] batch(int n) {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, Object>[] games = new Map[n];
        for (int i = 0; i < n; i++) {
            games[i] = game(random, i);
        }
        return games;
    }

    /** One game shaped like /pub/player/{u}/games/{YYYY}/{MM} (SHAPES.md). */
    static Map<String, Object> game(SplittableRandom r, int i) {
        Map<String, Object> g = new LinkedHashMap<>();
        String timeClass = CLASSES[r.nextInt(CLASSES.length)];
        boolean daily = timeClass.equals("daily");
        g.put("url", "https://www.chess.com/game/" + (daily ? "daily/" : "live/") + (60_000_000_000L + i));
        g.put("pgn", pgn(r, i));
        g.put("time_control", daily ? "1/259200" : "180+1");
        if (daily) {
            g.put("start_time", 1_667_000_000L + i);
        }
        g.put("end_time", 1_667_260_000L + i * 97L);
        g.put("rated", r.nextBoolean());
        if (r.nextInt(40) != 0) {
            Map<String, Object> acc = new LinkedHashMap<>();
            acc.put("white", r.nextInt(10) == 0 ? (Object) 100 : (Object) (60 + r.nextInt(4000) / 100.0));
            acc.put("black", 60 + r.nextInt(4000) / 100.0);
            g.put("accuracies", acc);
        }
        g.put("tcn", "mC0Kgv5Qlt9IvB2UfA" + Integer.toHexString(i) + "ZRBJRJ7Yeg1TCK!TJK6Z");
        g.put("uuid", new java.util.UUID(i, 42L * i).toString());
        g.put("initial_setup", i % 17 == 0 ? "" : "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1");
        g.put("fen", "r1bq1rk1/pp2bppp/2n1pn2/3p4/2PP4/2N1PN2/PP3PPP/R1BQKB1R w KQ - 0 " + (i % 60));
        g.put("time_class", timeClass);
        g.put("rules", i % 50 == 0 ? "chess960" : "chess");
        g.put("white", player(r, "Hikaru"));
        g.put("black", player(r, "opponent" + (i % 500)));
        if (i % 3 == 0) {
            g.put("eco", "https://www.chess.com/openings/Queens-Gambit-Declined-" + (i % 40));
        }
        if (i % 7 == 0) {
            g.put("tournament", "https://api.chess.com/pub/tournament/late-titled-tuesday-blitz-" + (i % 90));
        }
        return g;
    }

    static Map<String, Object> player(SplittableRandom r, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rating", 2500 + r.nextInt(800));
        p.put("result", RESULTS[r.nextInt(RESULTS.length)]);
        p.put("@id", "https://api.chess.com/pub/player/" + name.toLowerCase());
        p.put("username", name);
        p.put("uuid", "b6e0a2b8-" + Integer.toHexString(name.hashCode()));
        return p;
    }

    static String pgn(SplittableRandom r, int i) {
        StringBuilder sb = new StringBuilder(1600);
        sb.append("[Event \"Live Chess\"]\n[Site \"Chess.com\"]\n[Date \"2022.11.0").append(1 + i % 9)
            .append("\"]\n[Round \"-\"]\n[White \"Hikaru\"]\n[Black \"opponent\"]\n[Result \"1-0\"]\n")
            .append("[ECO \"D35\"]\n[TimeControl \"180+1\"]\n[Termination \"Hikaru won by resignation\"]\n\n");
        int move = 1;
        while (sb.length() < 1450) {
            sb.append(move).append(". ").append((char) ('a' + r.nextInt(8))).append(1 + r.nextInt(8))
                .append(" {[%clk 0:02:5").append(r.nextInt(10)).append(".").append(r.nextInt(10)).append("]} ")
                .append(move).append("... ").append((char) ('a' + r.nextInt(8))).append(1 + r.nextInt(8))
                .append(" {[%clk 0:02:4").append(r.nextInt(10)).append(".").append(r.nextInt(10)).append("]} ");
            move++;
        }
        return sb.append("1-0\n").toString();
    }
}
