package io.chatda.bench.search;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchHit;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Known-item evaluation: every page of real sites is a target, its title (and harder variants) the
 * query. Prints MRR@10 and success@1 for chatda's ranking and, on the same index in the same run,
 * for plain BM25 over the body alone.
 *
 * <p>Usage: {@code SearchEval INDEX_DIR site=folder...}
 */
public final class SearchEval {

    private static final int K = 10;
    private static final SearchOptions BASELINE = new SearchOptions(false, SearchOptions.Ranking.BODY_BM25);

    record Query(String kind, String text, String target) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchEval INDEX_DIR site=folder...");
            System.exit(2);
        }
        long start = System.nanoTime();
        List<SearchDocument> docs = Corpus.read(List.of(args).subList(1, args.length));
        try (SearchIndex index = SearchIndex.open(Path.of(args[0]))) {
            index.clear();
            docs.forEach(index::upsert);
            index.commit(Map.of());
            System.out.printf("indexed %d pages in %.1f s%n", index.size(), (System.nanoTime() - start) / 1e9);

            List<Query> queries = queries(docs, new Random(42));
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (Query q : queries) {
                int full = rank(index.search(q.text, 1, K).hits(), q.target);
                int base = rank(index.search(q.text, 1, K, BASELINE).hits(), q.target);
                counts.computeIfAbsent(q.kind, k -> new long[1])[0]++;
                double[] s = sums.computeIfAbsent(q.kind, k -> new double[4]);
                s[0] += full > 0 ? 1.0 / full : 0;
                s[1] += full == 1 ? 1 : 0;
                s[2] += base > 0 ? 1.0 / base : 0;
                s[3] += base == 1 ? 1 : 0;
                if (System.getenv("EVAL_VERBOSE") != null && full != 1) {
                    System.out.printf("  miss %-7s rank=%d base=%d  %s  -> %s%n", q.kind, full, base, q.text, q.target);
                }
            }
            System.out.println();
            System.out.println("| queries | n | chatda MRR@10 | chatda success@1 | BM25 body MRR@10 | BM25 body success@1 |");
            System.out.println("|---|---|---|---|---|---|");
            for (var e : counts.entrySet()) {
                double n = e.getValue()[0];
                double[] s = sums.get(e.getKey());
                System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", e.getKey(), (long) n,
                        s[0] / n, s[1] / n, s[2] / n, s[3] / n);
            }
            System.out.printf("%ntotal %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    private static int rank(List<SearchHit> hits, String target) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).url().equals(target)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Per page with a title unique in the corpus: {@code title} (the title without the site-wide
     * suffix such as "— Python 3.11.2 documentation"), {@code partial} (a third of the words dropped,
     * the rest shuffled; two-word titles reversed), {@code body} (eight consecutive words from the
     * middle of the body).
     */
    static List<Query> queries(List<SearchDocument> docs, Random random) {
        Map<String, String> suffixBySite = commonSuffixes(docs);
        Function<SearchDocument, String> cleanTitle = d -> {
            String suffix = suffixBySite.get(d.site());
            String t = suffix != null && d.title().endsWith(suffix) ? d.title().substring(0, d.title().length() - suffix.length()) : d.title();
            return t.strip();
        };
        Map<String, Long> titleCounts = docs.stream()
                .collect(Collectors.groupingBy(d -> cleanTitle.apply(d).toLowerCase(Locale.ROOT), Collectors.counting()));
        List<Query> queries = new ArrayList<>();
        for (SearchDocument d : docs) {
            String title = cleanTitle.apply(d);
            if (title.isBlank() || titleCounts.get(title.toLowerCase(Locale.ROOT)) > 1) {
                continue;
            }
            queries.add(new Query("title", title, d.url()));
            List<String> words = new ArrayList<>(List.of(title.split("\\s+")));
            if (words.size() >= 3) {
                int drop = Math.max(1, words.size() / 3);
                for (int i = 0; i < drop; i++) {
                    words.remove(random.nextInt(words.size()));
                }
                Collections.shuffle(words, random);
                queries.add(new Query("partial", String.join(" ", words), d.url()));
            } else if (words.size() == 2) {
                queries.add(new Query("partial", words.get(1) + " " + words.get(0), d.url()));
            }
            String[] body = d.body().split("\\s+");
            if (body.length >= 40) {
                int from = body.length / 2 - 4 + random.nextInt(9) - 4;
                queries.add(new Query("body", String.join(" ", List.of(body).subList(from, from + 8)), d.url()));
            }
        }
        return queries;
    }

    /** The text after the last dash that more than half a site's titles end with, with its dash. */
    private static Map<String, String> commonSuffixes(List<SearchDocument> docs) {
        Map<String, Map<String, Integer>> bySite = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (SearchDocument d : docs) {
            sizes.merge(d.site(), 1, Integer::sum);
            int dash = Math.max(d.title().lastIndexOf(" — "), d.title().lastIndexOf(" - "));
            if (dash > 0) {
                bySite.computeIfAbsent(d.site(), s -> new HashMap<>()).merge(d.title().substring(dash), 1, Integer::sum);
            }
        }
        Map<String, String> result = new HashMap<>();
        bySite.forEach((site, suffixes) -> suffixes.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() * 2 > sizes.get(site)).ifPresent(e -> result.put(site, e.getKey())));
        return result;
    }
}
