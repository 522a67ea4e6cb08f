package io.chatda.bench.suggest;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Two builds of the suggest module side by side in one JVM: each jar gets its own class loader (with
 * the rest of this classpath) and its own {@link SuggestBench} dictionary, and every query of the
 * stream is timed on both, one right after the other, the order alternating. Both meet the same
 * moments of a shared, noisy machine, which separate runs don't (their medians drifted by a third
 * within minutes here). Both dictionaries share the caches, so absolute figures are higher than
 * {@link SuggestProfile}'s; the ratio is what this is for. Run with the classpath of
 * docs/performance.md (whichever suggest jar it names is replaced):
 *
 * <pre>
 * java -Xmx7g -cp bench/target/classes:$(cat /tmp/suggest-bench.cp) io.chatda.bench.suggest.SuggestAb A.jar B.jar [rounds]
 * </pre>
 */
public final class SuggestAb {

    private SuggestAb() {}

    /** One build's dictionary and query stream, loaded through its own class loader. */
    public static final class Side implements ToLongFunction<String> {
        private final SuggestBench bench = new SuggestBench();

        public Side() throws Exception {
            bench.build();
        }

        public String[] queries() {
            return bench.queries;
        }

        @Override
        public long applyAsLong(String query) {
            long start = System.nanoTime();
            bench.index.suggest(query, 10);
            return System.nanoTime() - start;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SuggestAb A.jar B.jar [rounds]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<ToLongFunction<String>> sides = new ArrayList<>();
        String[] queries = null;
        for (int v = 0; v < 2; v++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(args[v]).toUri().toURL());
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!entry.contains("chatda-suggest") && !entry.endsWith("suggest/target/classes")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Object side =
                    loader.loadClass(Side.class.getName()).getConstructor().newInstance();
            @SuppressWarnings("unchecked")
            ToLongFunction<String> timed = (ToLongFunction<String>) side;
            sides.add(timed);
            queries = (String[]) side.getClass().getMethod("queries").invoke(side);
        }
        // both sides warmed up for SuggestProfile's time before anything is timed (C2 compiles for seconds)
        long warmUpEnd = System.nanoTime() + SuggestProfile.WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            for (String q : queries) {
                sides.get(0).applyAsLong(q);
                sides.get(1).applyAsLong(q);
            }
        }
        long[][][] nanos = new long[2][queries.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < queries.length; i++) {
                int first = (r + i) & 1;
                nanos[first][i][r] = sides.get(first).applyAsLong(queries[i]);
                nanos[1 - first][i][r] = sides.get(1 - first).applyAsLong(queries[i]);
            }
        }
        double[] means = new double[2];
        for (int v = 0; v < 2; v++) {
            long[] all = Arrays.stream(nanos[v])
                    .flatMapToLong(q -> Arrays.stream(q))
                    .sorted()
                    .toArray();
            means[v] = Arrays.stream(all).average().orElse(0) / 1e3;
            System.out.printf(
                    "%s %s: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, mean %.1f µs%n",
                    v == 0 ? "A" : "B",
                    args[v],
                    pct(all, 0.50),
                    pct(all, 0.90),
                    pct(all, 0.99),
                    pct(all, 0.999),
                    means[v]);
        }
        System.out.printf("B / A: mean %.3f%n", means[1] / means[0]);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e3;
    }
}
