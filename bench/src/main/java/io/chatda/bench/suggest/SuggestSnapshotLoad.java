package io.chatda.bench.suggest;

import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loading a saved 1,000,000-entry dictionary ({@link DictionarySnapshot}) against building it, on
 * {@link SuggestBench}'s candidates, alternating build and load in one JVM; checks that the loaded
 * dictionary answers the query stream as the built one does. Run:
 *
 * <pre>
 * java -Xmx3g -cp bench/target/classes:$(cat /tmp/suggest-bench.cp) io.chatda.bench.suggest.SuggestSnapshotLoad [rounds]
 * </pre>
 */
public final class SuggestSnapshotLoad {

    private SuggestSnapshotLoad() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        SuggestBench bench = new SuggestBench();
        bench.build();
        Path dir = Files.createTempDirectory("suggest-snapshot");
        Path file = dir.resolve("dictionary.bin");
        try {
            long t = System.nanoTime();
            DictionarySnapshot.save(bench.index, "bench", file);
            long save = System.nanoTime() - t;
            System.out.printf(
                    "saved %d entries: %.1f MB in %d ms%n",
                    bench.index.size(), Files.size(file) / 1e6, save / 1_000_000);
            CompletionIndex loaded = DictionarySnapshot.load(file).index();
            for (String q : bench.queries) {
                if (!loaded.suggest(q, 10).equals(bench.index.suggest(q, 10))) {
                    throw new AssertionError("loaded dictionary answers " + q + " differently");
                }
            }
            System.out.printf("the loaded dictionary answers all %d queries as the built one%n", bench.queries.length);
            bench.index = null;
            loaded = null;
            long[] builds = new long[rounds];
            long[] loads = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                System.gc();
                t = System.nanoTime();
                CompletionIndex built = CompletionIndex.build(bench.entries);
                builds[r] = System.nanoTime() - t;
                built = null;
                System.gc();
                t = System.nanoTime();
                loaded = DictionarySnapshot.load(file).index();
                loads[r] = System.nanoTime() - t;
                loaded = null;
                System.out.printf(
                        "round %d: build %d ms, load %d ms%n", r + 1, builds[r] / 1_000_000, loads[r] / 1_000_000);
            }
            Arrays.sort(builds);
            Arrays.sort(loads);
            System.out.printf(
                    "median of %d: build %d ms, load %d ms (%.1f× faster)%n",
                    rounds,
                    builds[rounds / 2] / 1_000_000,
                    loads[rounds / 2] / 1_000_000,
                    (double) builds[rounds / 2] / loads[rounds / 2]);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
