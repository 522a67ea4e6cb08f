package io.chatda.shared;

import io.chatda.search.SearchResults;

/** What users did that teaches suggestions: the query log's two kinds of event. */
public interface QueryEvents {

    /** Events that go nowhere (a server that keeps no query log). */
    QueryEvents NONE = new QueryEvents() {
        @Override
        public void search(String query, long hits, String client) {}

        @Override
        public void pick(String text, String client) {}
    };

    /** A first page of results for {@code query}, which had {@code hits} results, asked by {@code client}. */
    void search(String query, long hits, String client);

    /**
     * A first page of {@code results} for {@code query}: its hits, or none for a corrected query, whose results are
     * not hits of the query as typed.
     */
    default void firstPage(String query, SearchResults results, String client) {
        search(query, results.corrected() ? 0 : results.totalHits(), client);
    }

    /** {@code client} picked the suggestion {@code text}. */
    void pick(String text, String client);
}
