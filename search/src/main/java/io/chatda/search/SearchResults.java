package io.chatda.search;

import java.util.List;

/**
 * One page of results, with the total number of matching documents and the time the search took.
 *
 * @param didYouMean a corrected query (spelling or keyboard layout) that finds more, or empty
 * @param corrected  whether {@code hits} are for {@code didYouMean} because the query as typed found nothing
 */
public record SearchResults(
        String query,
        long totalHits,
        int page,
        int size,
        long tookMicros,
        List<SearchHit> hits,
        String didYouMean,
        boolean corrected) {
    public SearchResults {
        hits = List.copyOf(hits);
        didYouMean = didYouMean == null ? "" : didYouMean;
    }
}
