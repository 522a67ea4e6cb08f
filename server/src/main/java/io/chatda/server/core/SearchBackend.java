package io.chatda.server.core;

import io.chatda.search.SearchIndex;
import io.chatda.search.SearchOptions;
import io.chatda.search.SearchResults;
import io.chatda.suggest.QueryLog;

/**
 * Runs a user query for a client: the app's library, which also logs it. Called on the server's bounded
 * search executor.
 */
@FunctionalInterface
public interface SearchBackend {

    /** The client of calls that name none (the query log's local client). */
    String LOCAL_CLIENT = QueryLog.LOCAL_CLIENT;

    /**
     * Results of {@code query}, 1-based {@code page} of {@code size} hits, run with {@code options} (e.g.
     * explain), asked by {@code client} (its address: the query log counts distinct clients).
     */
    SearchResults search(String query, int page, int size, SearchOptions options, String client);

    /** {@link #search(String, int, int, SearchOptions, String)} by the local client. */
    default SearchResults search(String query, int page, int size, SearchOptions options) {
        return search(query, page, size, options, LOCAL_CLIENT);
    }

    /** {@link #search(String, int, int, SearchOptions)} with what users get by default. */
    default SearchResults search(String query, int page, int size) {
        return search(query, page, size, SearchOptions.DEFAULT);
    }

    /** A bare index, logging nothing. */
    static SearchBackend of(SearchIndex index) {
        return (query, page, size, options, client) -> index.search(query, page, size, options);
    }
}
