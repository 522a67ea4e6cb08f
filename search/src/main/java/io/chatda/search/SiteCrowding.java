package io.chatda.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.search.ScoreDoc;

/**
 * Pages through ranked hits showing at most {@code perSite} results of one site on a page; the
 * rest move to later pages in their order. A page is filled from the held-back hits only when no
 * other site has results left, so a one-site index still shows full pages.
 */
final class SiteCrowding {

    private SiteCrowding() {}

    static List<ScoreDoc> page(ScoreDoc[] ranked, IntFunction<String> siteOf, int page, int size, int perSite) {
        List<ScoreDoc> remaining = new ArrayList<>(List.of(ranked));
        List<ScoreDoc> current = List.of();
        for (int p = 1; p <= page; p++) {
            if (remaining.isEmpty()) {
                return List.of();
            }
            current = new ArrayList<>(size);
            Map<String, Integer> counts = new HashMap<>();
            List<ScoreDoc> held = new ArrayList<>();
            for (ScoreDoc hit : remaining) {
                if (current.size() == size) {
                    held.add(hit);
                    continue;
                }
                String site = siteOf.apply(hit.doc);
                int seen = counts.getOrDefault(site, 0);
                if (seen < perSite) {
                    counts.put(site, seen + 1);
                    current.add(hit);
                } else {
                    held.add(hit);
                }
            }
            while (current.size() < size && !held.isEmpty()) {
                current.add(held.remove(0));
            }
            current.sort((a, b) -> Float.compare(b.score, a.score));
            remaining = held;
        }
        return current;
    }
}
