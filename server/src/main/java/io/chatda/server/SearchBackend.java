package io.chatda.server;

import io.chatda.search.SearchOptions;
import io.chatda.search.SearchResults;

/** Runs a user query; {@code SearchIndex::search} in the app. Called on the server's bounded search executor. */
@FunctionalInterface
public interface SearchBackend {

    /** Results of {@code query}, 1-based {@code page} of {@code size} hits, run with {@code options} (e.g. explain). */
    SearchResults search(String query, int page, int size, SearchOptions options);

    /** {@link #search(String, int, int, SearchOptions)} with what users get by default. */
    default SearchResults search(String query, int page, int size) {
        return search(query, page, size, SearchOptions.DEFAULT);
    }
}
