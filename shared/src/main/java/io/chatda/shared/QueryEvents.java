package io.chatda.shared;

/** What users did that teaches suggestions: the query log's two kinds of event. */
public interface QueryEvents {

    /** A first page of results for {@code query}, which had {@code hits} results, asked by {@code client}. */
    void search(String query, long hits, String client);

    /** {@code client} picked the suggestion {@code text}. */
    void pick(String text, String client);
}
