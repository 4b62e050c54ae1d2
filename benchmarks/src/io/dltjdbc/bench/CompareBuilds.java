package io.dltjdbc.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Before/after on a noisy machine: loads two builds of the project (two {@code target/classes} copies) into one
 * JVM, each in its own class loader, and runs NormalizePhaseBenchmark's phase with them in alternating rounds.
 * Whatever else runs on the machine hits both alike, so the per-round ratio B/A is far steadier than two
 * separate runs (on the 2-core VM with another build running, separate runs varied by +-25%, the paired
 * median ratio by a few percent).
 * Usage: benchmarks/run.sh CompareBuilds classesA classesB [records=30000] [rounds=7]
 */
public final class CompareBuilds {
    private static final String[] MEASURES = {"wall", "normalizing thread CPU", "GC", "process CPU"};

    private CompareBuilds() {
    }

    public static void main(String[] args) throws Exception {
        String[] builds = {args[0], args[1]};
        long records = args.length > 2 ? Long.parseLong(args[2]) : 30_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        List<Method> phases = new ArrayList<>();
        String input = null;
        for (String build : builds) {
            Class<?> benchmark = Class.forName("io.dltjdbc.pipeline.NormalizePhaseBenchmark", true, loader(build));
            input = benchmark.getMethod("input", long.class).invoke(null, records).toString();
            phases.add(benchmark.getMethod("runOnce", String.class));
        }
        double[][][] results = new double[2][MEASURES.length][rounds];
        for (Method phase : phases) {
            phase.invoke(null, input); // warm-up
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 2; i++) {
                int build = round % 2 == 0 ? i : 1 - i; // alternate which build goes first
                double[] t = (double[]) phases.get(build).invoke(null, input);
                for (int m = 0; m < MEASURES.length; m++) {
                    results[build][m][round] = t[m];
                }
            }
        }
        for (int m = 0; m < MEASURES.length; m++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = results[1][m][round] / results[0][m][round];
            }
            System.out.printf("%-23s A median %6.2f s, B median %6.2f s, paired median ratio B/A %.3f%n", MEASURES[m],
                    median(results[0][m]), median(results[1][m]), median(ratios));
        }
        java.nio.file.Files.deleteIfExists(Path.of(input));
    }

    /** The build's classes, the benchmarks and every library jar; nothing from this JVM's own project classes. */
    private static ClassLoader loader(String build) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Path.of(build).toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") || entry.contains("bench-classes")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
