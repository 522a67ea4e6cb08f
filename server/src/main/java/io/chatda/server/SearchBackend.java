package io.chatda.server;

import io.chatda.search.SearchResults;

/** Runs a user query; {@code SearchIndex::search} in the app. Called on the server's bounded search executor. */
@FunctionalInterface
public interface SearchBackend {

    /** Results of {@code query}, 1-based {@code page} of {@code size} hits. */
    SearchResults search(String query, int page, int size);
}
