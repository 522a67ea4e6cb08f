package io.chatda.suggest;

import java.util.List;

/** Answers "what is the user about to type?" for a prefix. Implementations are immutable and thread-safe. */
public interface Suggester {

    /** Most suggestions one call returns. */
    int MAX_LIMIT = 20;

    /**
     * The best {@code limit} suggestions for what the user has typed so far, best first.
     *
     * @param site only entries of this site, or empty for all
     * @throws IllegalArgumentException if {@code limit} is not between 1 and {@link #MAX_LIMIT}
     */
    List<Suggestion> suggest(String typed, int limit, String site);

    /** {@link #suggest(String, int, String)} over all sites. */
    default List<Suggestion> suggest(String typed, int limit) {
        return suggest(typed, limit, "");
    }

    /** Number of distinct entries the suggester can return. */
    int size();
}
