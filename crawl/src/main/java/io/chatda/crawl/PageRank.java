package io.chatda.crawl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PageRank over the link graph from {@link CrawlStore#outlinks()}, for ranking. Pages without outlinks
 * spread their rank evenly; ranks sum to 1.
 */
public final class PageRank {

    private PageRank() {
    }

    /**
     * @param outlinks   each page and the pages it links to (targets outside the key set are ignored)
     * @param damping    usually 0.85
     * @param iterations 20 to 50 is plenty for a site
     */
    public static Map<String, Double> compute(Map<String, List<String>> outlinks, double damping, int iterations) {
        List<String> pages = List.copyOf(outlinks.keySet());
        int n = pages.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(pages.get(i), i);
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = outlinks.get(pages.get(i)).stream().filter(index::containsKey).mapToInt(index::get).toArray();
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, n == 0 ? 0 : 1.0 / n);
        for (int it = 0; it < iterations; it++) {
            double[] next = new double[n];
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (out[i].length == 0) {
                    dangling += rank[i];
                } else {
                    for (int j : out[i]) {
                        next[j] += rank[i] / out[i].length;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                next[i] = (1 - damping) / n + damping * (next[i] + dangling / n);
            }
            rank = next;
        }
        Map<String, Double> result = new HashMap<>();
        for (int i = 0; i < n; i++) {
            result.put(pages.get(i), rank[i]);
        }
        return result;
    }
}
