package io.chatda.search;

import java.util.List;

/** One page of results, with the total number of matching documents and the time the search took. */
public record SearchResults(String query, long totalHits, int page, int size, long tookMicros, List<SearchHit> hits) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
