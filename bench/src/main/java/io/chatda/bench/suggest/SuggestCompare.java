package io.chatda.bench.suggest;

import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * chatda's completion engine beside Lucene's {@link AnalyzingInfixSuggester} and {@link
 * FuzzySuggester}, in one run, on {@link SuggestBench}'s candidates and query stream: build time,
 * memory (Lucene's {@code ramBytesUsed()}, heap growth after GC, the infix index's size on disk),
 * single-threaded queries/s with p50/p99 (timed rounds interleaved engine after engine, so a change
 * in the machine's load falls on all; the throughput ratio is also given as the median of the
 * per-round ratios), and per kind of query how many find the entry they were made from in the top 10. Both Lucene suggesters use {@link StandardAnalyzer}; FuzzySuggester
 * counts edits in code points ({@code unicodeAware}), one edit, transpositions on (its defaults
 * otherwise). Run by {@code bench/scripts/suggest-compare.sh}:
 *
 * <pre>
 * java -Xmx6g -cp bench/target/classes:$(cat /tmp/suggest-bench.cp) io.chatda.bench.suggest.SuggestCompare [rounds]
 * </pre>
 */
public final class SuggestCompare {

    private static final int TOP = 10;
    private static final String[] KINDS = {
        "IME, partial syllable", "IME, whole syllables", "IME, Latin", "choseong", "wrong layout", "one typo"
    };

    /** One engine under test: its name and its top-10 texts for a query. */
    private interface Engine {
        List<String> top(String query) throws IOException;
    }

    private SuggestCompare() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SuggestBench bench = new SuggestBench();
        bench.build();
        bench.index = null; // built again below, measured like the others
        List<SuggestEntry> entries = bench.entries;
        String[] queries = bench.queries;
        int[] kinds = kinds(bench.queries, bench.targets);
        Path tmp = Files.createTempDirectory("suggest-compare");
        try {
            List<Row> rows = new ArrayList<>();
            long base = settledHeap();

            long t = System.nanoTime();
            CompletionIndex chatda = CompletionIndex.build(entries);
            long chatdaBuild = System.nanoTime() - t;
            long chatdaHeap = settledHeap() - base;
            rows.add(new Row(
                    "chatda CompletionIndex",
                    chatdaBuild,
                    chatda.memoryBytes(),
                    chatdaHeap,
                    -1,
                    q -> chatda.suggest(q, TOP).stream().map(Suggestion::text).toList()));

            base = settledHeap();
            Path infixDir = tmp.resolve("infix");
            Analyzer infixAnalyzer = new StandardAnalyzer();
            t = System.nanoTime();
            AnalyzingInfixSuggester infix = new AnalyzingInfixSuggester(
                    FSDirectory.open(infixDir),
                    infixAnalyzer,
                    infixAnalyzer,
                    AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS,
                    true);
            infix.build(new LuceneEntries(entries, 1, false));
            long infixBuild = System.nanoTime() - t;
            long infixHeap = settledHeap() - base;
            rows.add(new Row(
                    "Lucene AnalyzingInfixSuggester",
                    infixBuild,
                    infix.ramBytesUsed(),
                    infixHeap,
                    size(infixDir),
                    q -> texts(infix.lookup(q, (Set<BytesRef>) null, TOP, true, false))));

            base = settledHeap();
            Analyzer fuzzyAnalyzer = new StandardAnalyzer();
            t = System.nanoTime();
            FuzzySuggester fuzzy = new FuzzySuggester(
                    FSDirectory.open(tmp),
                    "fuzzy",
                    fuzzyAnalyzer,
                    fuzzyAnalyzer,
                    FuzzySuggester.EXACT_FIRST | FuzzySuggester.PRESERVE_SEP,
                    256,
                    -1,
                    true,
                    FuzzySuggester.DEFAULT_MAX_EDITS,
                    FuzzySuggester.DEFAULT_TRANSPOSITIONS,
                    FuzzySuggester.DEFAULT_NON_FUZZY_PREFIX,
                    FuzzySuggester.DEFAULT_MIN_FUZZY_LENGTH,
                    true);
            fuzzy.build(new LuceneEntries(entries, 1, false));
            long fuzzyBuild = System.nanoTime() - t;
            long fuzzyHeap = settledHeap() - base;
            rows.add(new Row(
                    "Lucene FuzzySuggester",
                    fuzzyBuild,
                    fuzzy.ramBytesUsed(),
                    fuzzyHeap,
                    -1,
                    q -> texts(fuzzy.lookup(q, false, TOP))));

            System.out.printf(
                    "%n%d candidates, %d queries, %d timed rounds after one warm-up round, single-threaded, top %d%n",
                    entries.size(), queries.length, rounds, TOP);
            for (Row row : rows) {
                row.score(queries, bench.targets, kinds);
            }
            // rounds interleaved, engine after engine, so that a change in the machine's load
            // falls on all of them; the ratio is taken per round
            double[][] ratios = new double[rows.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (Row row : rows) {
                    row.round(queries, r, rounds);
                }
                for (int e = 0; e < rows.size(); e++) {
                    ratios[e][r] = rows.get(e).roundNanos[r] / (double) rows.get(0).roundNanos[r];
                }
                int round = r;
                System.out.printf(
                        "  round %d: %s%n",
                        r + 1,
                        rows.stream()
                                .map(row -> String.format(
                                        "%s %,.0f q/s", row.name, queries.length / (row.roundNanos[round] / 1e9)))
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
            for (int e = 0; e < rows.size(); e++) {
                rows.get(e).finish(queries.length, ratios[e]);
            }
            print(rows, kinds);
            missedPrefixes(chatda, queries, bench.targets, kinds);
            infix.close();
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An engine's figures. */
    private static final class Row {
        final String name;
        final long buildNanos;
        final long ramBytes;
        final long heapBytes;
        final long diskBytes;
        final Engine engine;
        double qps;
        double p50;
        double p99;
        final int[] found = new int[KINDS.length];

        Row(String name, long buildNanos, long ramBytes, long heapBytes, long diskBytes, Engine engine) {
            this.name = name;
            this.buildNanos = buildNanos;
            this.ramBytes = ramBytes;
            this.heapBytes = heapBytes;
            this.diskBytes = diskBytes;
            this.engine = engine;
        }

        long[] nanos;
        long[] roundNanos;
        double ratio;

        /** One untimed round that warms the engine up and counts the expected entries found. */
        void score(String[] queries, String[] targets, int[] kinds) throws IOException {
            for (int i = 0; i < queries.length; i++) {
                String target = targets[i];
                if (engine.top(queries[i]).stream().anyMatch(target::equalsIgnoreCase)) {
                    found[kinds[i]]++;
                }
            }
        }

        /** Times round {@code r} of {@code rounds}: every query once, each on its own. */
        void round(String[] queries, int r, int rounds) throws IOException {
            if (nanos == null) {
                nanos = new long[queries.length * rounds];
                roundNanos = new long[rounds];
            }
            long sink = 0;
            long total = System.nanoTime();
            for (int i = 0; i < queries.length; i++) {
                long t = System.nanoTime();
                sink += engine.top(queries[i]).size();
                nanos[r * queries.length + i] = System.nanoTime() - t;
            }
            roundNanos[r] = System.nanoTime() - total;
            if (sink < 0) {
                throw new AssertionError();
            }
        }

        /** Throughput over all rounds, percentiles, and the median of the per-round time ratios to chatda's. */
        void finish(int queriesPerRound, double[] ratios) {
            long total = Arrays.stream(roundNanos).sum();
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            qps = (double) queriesPerRound * roundNanos.length / (total / 1e9);
            p50 = sorted[sorted.length / 2] / 1e3;
            p99 = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e3;
            double[] r = ratios.clone();
            Arrays.sort(r);
            ratio = r[r.length / 2];
        }
    }

    private static void print(List<Row> rows, int[] kinds) {
        int n = rows.size();
        StringBuilder header = new StringBuilder(String.format("%n| %-38s |", ""));
        StringBuilder rule = new StringBuilder("|").append("-".repeat(40)).append("|");
        for (Row row : rows) {
            header.append(String.format(" %-30s |", row.name));
            rule.append("-".repeat(32)).append("|");
        }
        System.out.println(header);
        System.out.println(rule);
        line(rows, "build", r -> String.format("%.1f s", r.buildNanos / 1e9));
        line(rows, "ramBytesUsed / memoryBytes()", r -> mb(r.ramBytes));
        line(rows, "heap growth after GC", r -> mb(r.heapBytes));
        line(rows, "index on disk", r -> r.diskBytes < 0 ? "—" : mb(r.diskBytes));
        line(rows, "queries/s, single thread", r -> String.format("%,.0f", r.qps));
        line(rows, "chatda qps / this qps, all rounds", r -> String.format("%.1f×", rows.get(0).qps / r.qps));
        line(rows, "median per-round ratio", r -> String.format("%.1f×", r.ratio));
        line(rows, "p50 / p99", r -> String.format("%.1f / %.1f µs", r.p50, r.p99));
        int[] asked = new int[KINDS.length];
        for (int k : kinds) {
            asked[k]++;
        }
        for (int k = 0; k < KINDS.length; k++) {
            int kind = k;
            line(rows, "top 10 has it: " + KINDS[k], r -> String.format("%d / %d", r.found[kind], asked[kind]));
        }
        int[] total = new int[n];
        for (int i = 0; i < n; i++) {
            total[i] = Arrays.stream(rows.get(i).found).sum();
        }
        line(rows, "top 10 has it: all", r -> String.format("%d / %d", total[rows.indexOf(r)], kinds.length));
    }

    /**
     * What fills chatda's top 10 for the IME states whose entry isn't in it: the matches by mode, to
     * tell a ranking choice (other modes' heavier entries) from a failure to match.
     */
    private static void missedPrefixes(CompletionIndex chatda, String[] queries, String[] targets, int[] kinds) {
        java.util.Map<Suggestion.Match, Integer> modes = new java.util.EnumMap<>(Suggestion.Match.class);
        int missed = 0;
        int asked = 0;
        for (int i = 0; i < queries.length; i++) {
            if (kinds[i] > 2) {
                continue;
            }
            asked++;
            List<Suggestion> top = chatda.suggest(queries[i], TOP);
            String target = targets[i];
            if (top.stream().noneMatch(s -> s.text().equalsIgnoreCase(target))) {
                missed++;
                top.forEach(s -> modes.merge(s.match(), 1, Integer::sum));
            }
        }
        System.out.printf(
                "%nchatda, IME states whose entry is not in the top 10: %d of %d; their top 10 by match: %s%n",
                missed, asked, modes);
    }

    private static void line(List<Row> rows, String label, java.util.function.Function<Row, String> cell) {
        StringBuilder out = new StringBuilder(String.format("| %-38s |", label));
        for (Row row : rows) {
            out.append(String.format(" %-30s |", cell.apply(row)));
        }
        System.out.println(out);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /**
     * The kind of each query of {@link SuggestBench}'s stream (made in turn as IME state, choseong,
     * wrong layout, typo; a choseong query of a Latin entry is made as a typo): IME states of Hangul
     * entries split by whether they end inside a syllable (검새 for 검색) or on a whole one.
     */
    private static int[] kinds(String[] queries, String[] targets) {
        int[] kinds = new int[queries.length];
        for (int i = 0; i < queries.length; i++) {
            boolean hangul = targets[i].chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
            kinds[i] = switch (i % 4) {
                case 0 -> !hangul ? 2 : targets[i].startsWith(queries[i]) ? 1 : 0;
                case 1 -> hangul ? 3 : 5;
                case 2 -> 4;
                default -> 5;
            };
        }
        return kinds;
    }

    private static List<String> texts(List<Lookup.LookupResult> results) {
        List<String> out = new ArrayList<>(results.size());
        for (Lookup.LookupResult r : results) {
            out.add(r.key.toString());
        }
        return out;
    }

    private static long settledHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
