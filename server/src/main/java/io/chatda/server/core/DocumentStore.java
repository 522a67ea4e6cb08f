package io.chatda.server.core;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import java.util.Optional;

/** The stored documents behind results, for the document view; read on the search executor. */
@FunctionalInterface
public interface DocumentStore {

    /** A store that holds nothing (every document view is a 404). */
    DocumentStore NONE = url -> Optional.empty();

    /** The document stored under {@code url}, or empty. */
    Optional<SearchDocument> document(String url);

    /** The documents of {@code index}. */
    static DocumentStore of(SearchIndex index) {
        return index::document;
    }
}
