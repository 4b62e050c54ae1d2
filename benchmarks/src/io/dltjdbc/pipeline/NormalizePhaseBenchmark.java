package io.dltjdbc.pipeline;

import io.dltjdbc.bench.ChessGamesFile;
import io.dltjdbc.pipeline.source.RowReader;
import io.dltjdbc.pipeline.source.SourceReaders;
import io.dltjdbc.schema.NamingConvention;
import io.dltjdbc.schema.Normalizer;
import io.dltjdbc.schema.NormalizerOptions;
import io.dltjdbc.schema.Schema;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The normalize phase of a LOAD PIPELINE as LoadPipelineRunner runs it, without a destination: the chess JSONL
 * parsed on the prefetching thread, normalized on this one, staged by the staging thread. Lives in this package
 * because those classes are package-private. Prints wall time, this thread's CPU, GC time and the process's CPU
 * per round. Usage: NormalizePhaseBenchmark [records=30000] [rounds=5]
 */
public final class NormalizePhaseBenchmark {
    private NormalizePhaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 30_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path input = input(records);
        for (int round = 0; round < rounds; round++) {
            double[] t = runOnce(input.toString());
            System.out.printf("round %d: wall %.2f s, normalizing thread CPU %.2f s, GC %.2f s, process CPU %.2f s%n",
                    round, t[0], t[1], t[2], t[3]);
        }
        Files.deleteIfExists(input);
    }

    /** The chess file of {@code records} games in the temp directory (generated once, same bytes every time). */
    public static Path input(long records) throws Exception {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "dlt-jdbc-bench-games-" + records + ".jsonl");
        if (!Files.exists(file)) {
            ChessGamesFile.write(file, records);
        }
        return file;
    }

    /** One normalize phase over {@code file}: {wall s, normalizing thread CPU s, GC s, process CPU s}. */
    public static double[] runOnce(String file) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Schema schema = new Schema("chess");
        Normalizer normalizer = new Normalizer(schema, "games", NormalizerOptions.defaults(), new NamingConvention(63),
                "1700000000.1");
        long gc0 = gcMillis();
        long process0 = os.getProcessCpuTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        try (StagedRows staged = StagedRows.createTemporary(schema, "1700000000.1");
             RowReader reader = new PrefetchingRowReader(() -> SourceReaders.open(file, null, Path.of("."), null), "games",
                     new RunningLoad("bench", List.of()))) {
            for (Object item = reader.next(); item != null; item = reader.next()) {
                normalizer.normalize(item, staged);
            }
            staged.finish();
        }
        return new double[] {(System.nanoTime() - wall0) / 1e9, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
            (gcMillis() - gc0) / 1e3, (os.getProcessCpuTime() - process0) / 1e9};
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += gc.getCollectionTime();
        }
        return sum;
    }
}
