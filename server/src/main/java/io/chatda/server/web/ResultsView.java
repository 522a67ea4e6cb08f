package io.chatda.server.web;

import io.chatda.search.SearchResults;
import java.util.List;
import java.util.Optional;

/**
 * What a results page shows, taken from the search answer.
 *
 * @param lastPage   the last page a visitor may ask for (pages beyond the results, capped by the route)
 * @param didYouMean a corrected query to offer as a link, when the search suggests one
 * @param corrected  whether the hits are for {@code didYouMean} because the query as typed found nothing
 */
record ResultsView(
        String query,
        long total,
        int page,
        int pageSize,
        double tookMs,
        List<Hit> hits,
        Optional<String> didYouMean,
        boolean corrected,
        int lastPage) {

    /**
     * One result.
     *
     * @param snippetHtml escaped HTML with {@code <mark>} around the query terms
     * @param topics      topics of the page, possibly none
     */
    record Hit(String url, String title, String snippetHtml, List<String> topics) {
        Hit {
            topics = List.copyOf(topics);
        }
    }

    ResultsView {
        hits = List.copyOf(hits);
    }

    static ResultsView of(SearchResults r, int maxPage) {
        List<Hit> hits = r.hits().stream()
                .map(h -> new Hit(
                        h.url(),
                        h.title(),
                        h.snippetHtml(),
                        h.topics().stream().filter(t -> !t.isBlank()).toList()))
                .toList();
        long pages = (r.totalHits() + r.size() - 1) / r.size();
        int lastPage = (int) Math.min(pages, maxPage);
        return new ResultsView(
                r.query(),
                r.totalHits(),
                r.page(),
                r.size(),
                r.tookMicros() / 1000.0,
                hits,
                Optional.of(r.didYouMean()).filter(q -> !q.isBlank()),
                r.corrected(),
                lastPage);
    }

    /**
     * The page of the query as typed when the search answered with its correction instead: no results,
     * the correction offered as a suggestion.
     */
    ResultsView withoutCorrection() {
        return corrected ? new ResultsView(query, 0, page, pageSize, tookMs, List.of(), didYouMean, false, 0) : this;
    }

    /** Number of the first result on this page, counting from 1. */
    long firstRank() {
        return (long) (page - 1) * pageSize + 1;
    }
}
