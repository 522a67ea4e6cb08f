package io.chatda.bench.search;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Search latency over a large index made of real pages replicated with variations: each copy of a
 * page keeps its title, gets a random subset of its sentences as body (at most {@code BODY_CHARS})
 * and links to the same copy of its targets. Queries are page titles and partial titles; every
 * search runs the full pipeline (ranking, per-site limit, highlighting, did-you-mean). Prints p50,
 * p99 and throughput for 1 and 8 client threads in the same run.
 *
 * <p>Usage: {@code SearchLatency INDEX_DIR TARGET_DOCS site=folder...}; an existing index of at least
 * TARGET_DOCS documents is reused.
 */
public final class SearchLatency {

    private static final int BODY_CHARS = 1_500;
    private static final int QUERIES = 3_000;
    private static final int WARMUP = 1_000;
    private static final SearchOptions BASELINE = new SearchOptions(false, SearchOptions.Ranking.BODY_BM25);

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SearchLatency INDEX_DIR TARGET_DOCS site=folder...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int target = Integer.parseInt(args[1]);
        List<SearchDocument> pages = Corpus.read(List.of(args).subList(2, args.length));
        Random random = new Random(7);
        try (SearchIndex index = SearchIndex.open(dir)) {
            if (index.size() < target) {
                long start = System.nanoTime();
                index.clear();
                int copies = (target + pages.size() - 1) / pages.size();
                for (int c = 0; c < copies; c++) {
                    for (SearchDocument page : pages) {
                        index.upsert(variant(page, c, random));
                    }
                    System.err.printf("\rcopy %d/%d", c + 1, copies);
                }
                index.commit(Map.of());
                System.out.printf("%nbuilt %d documents in %.0f s%n", index.size(), (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("index: %d documents, %d MB on disk%n", index.size(), diskMb(dir));
            List<String> queries = queries(pages, random);
            run(index, queries, 1, WARMUP, SearchOptions.DEFAULT);
            run(index, queries, 1, WARMUP, BASELINE);
            System.out.printf(
                    "load average before: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            System.out.println("| ranking | clients | searches | p50 ms | p99 ms | searches/s |");
            System.out.println("|---|---|---|---|---|---|");
            for (int clients : new int[] {1, 8}) {
                System.out.println("| chatda " + run(index, queries, clients, QUERIES, SearchOptions.DEFAULT));
                System.out.println("| BM25 body " + run(index, queries, clients, QUERIES, BASELINE));
            }
        }
    }

    private static String run(SearchIndex index, List<String> queries, int clients, int total, SearchOptions options)
            throws Exception {
        long[] nanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                    long s = System.nanoTime();
                    index.search(queries.get(i % queries.size()), 1, 10, options);
                    nanos[i] = System.nanoTime() - s;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(nanos);
        return String.format(
                Locale.ROOT,
                "| %d | %d | %.2f | %.2f | %.0f |",
                clients,
                total,
                nanos[total / 2] / 1e6,
                nanos[(int) (total * 0.99)] / 1e6,
                total / seconds);
    }

    static SearchDocument variant(SearchDocument page, int copy, Random random) {
        String suffix = copy == 0 ? "" : "?copy=" + copy;
        List<String> sentences = new ArrayList<>(List.of(page.body().split("(?<=[.!?。])\\s+")));
        Collections.shuffle(sentences, random);
        StringBuilder body = new StringBuilder();
        for (String s : sentences) {
            if (body.length() + s.length() > BODY_CHARS) {
                break;
            }
            body.append(s).append(' ');
        }
        List<SearchDocument.Link> links = page.links().stream()
                .map(l -> new SearchDocument.Link(l.url() + suffix, l.anchorText()))
                .toList();
        return new SearchDocument(
                page.url() + suffix,
                page.title(),
                page.headings(),
                body.toString().strip(),
                page.site(),
                page.language(),
                page.topics(),
                links);
    }

    private static List<String> queries(List<SearchDocument> pages, Random random) {
        List<String> queries = new ArrayList<>();
        for (SearchDocument p : pages) {
            queries.add(p.title());
            String[] words = p.title().split("\\s+");
            if (words.length >= 2) {
                queries.add(words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]);
            }
        }
        Collections.shuffle(queries, random);
        return queries;
    }

    private static long diskMb(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum() >> 20;
        }
    }
}
