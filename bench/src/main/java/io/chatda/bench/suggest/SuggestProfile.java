package io.chatda.bench.suggest;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Per-query latency of {@link SuggestBench}'s dictionary and query stream, outside JMH: each query
 * timed on its own over several rounds, then percentiles and the slowest queries, to find what the
 * tail is made of. Every query is looked up for 10 s before any is timed, as JMH warms up. Run with the
 * classpath of docs/performance.md:
 *
 * <pre>
 * java -Xmx3g -cp bench/target/classes:$(cat /tmp/suggest-bench.cp) io.chatda.bench.suggest.SuggestProfile [rounds]
 * </pre>
 */
public final class SuggestProfile {

    /**
     * How long every query is looked up before any is timed: 10 s, or {@code -Dsuggest.warmup.seconds=N} (0
     * shows what timing a JVM that is still compiling measures).
     */
    static final long WARM_UP_NANOS = Long.getLong("suggest.warmup.seconds", 10) * 1_000_000_000L;

    private SuggestProfile() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SuggestBench bench = new SuggestBench();
        bench.build();
        String[] queries = bench.queries;
        if (args.length > 1) { // answers to a file, to compare two versions of the engine
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
                for (String q : queries) {
                    for (int limit : new int[] {1, 10, 20}) {
                        out.println(q + " | " + limit + " | "
                                + bench.index.suggest(q, limit).stream()
                                        .map(s -> s.text() + " " + s.score() + " " + s.match() + " " + s.spans())
                                        .collect(Collectors.joining(" ; ")));
                    }
                }
            }
        }
        // JMH's default warm-up for this benchmark is 3 x 3 s: C2 is still compiling the lookup's larger methods
        // a second in, and rounds timed then measured a p99 up to 40 % higher (docs/performance.md)
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        int warmUpRounds = 0;
        while (System.nanoTime() < warmUpEnd) {
            for (String q : queries) {
                bench.index.suggest(q, 10);
            }
            warmUpRounds++;
        }
        System.out.printf("warm-up: %d rounds of %d queries%n", warmUpRounds, queries.length);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[][] nanos = new long[queries.length][rounds];
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < queries.length; i++) {
                long t = System.nanoTime();
                bench.index.suggest(queries[i], 10);
                nanos[i][r] = System.nanoTime() - t;
            }
        }
        long[] all = Arrays.stream(nanos)
                .flatMapToLong(q -> Arrays.stream(q))
                .sorted()
                .toArray();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf(
                "lookups %d: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs%n",
                all.length, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), pct(all, 0.999), all[all.length - 1] / 1e3);
        System.out.printf("  allocated %.0f bytes per lookup (answers included)%n", (double) allocated / all.length);
        String[] kinds = {"IME state", "choseong", "layout", "typo"};
        for (int k = 0; k < 4; k++) {
            int kind = k;
            long[] some = IntStream.range(0, queries.length)
                    .filter(i -> i % 4 == kind)
                    .mapToObj(i -> Arrays.stream(nanos[i]))
                    .flatMapToLong(x -> x)
                    .sorted()
                    .toArray();
            System.out.printf(
                    "  %-9s p50 %.1f µs, p90 %.1f µs, p99 %.1f µs%n",
                    kinds[k], pct(some, 0.50), pct(some, 0.90), pct(some, 0.99));
        }
        long[] median = new long[queries.length];
        for (int i = 0; i < queries.length; i++) {
            long[] q = nanos[i].clone();
            Arrays.sort(q);
            median[i] = q[q.length / 2];
        }
        IntStream.range(0, queries.length)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> median[i]).reversed())
                .limit(25)
                .forEach(i -> System.out.printf("%10.1f µs  [%d] %s%n", median[i] / 1e3, i % 4, queries[i]));
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e3;
    }
}
