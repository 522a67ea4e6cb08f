package io.chatda.suggest;

import java.util.List;

/** Answers "what is the user about to type?" for a prefix. Implementations are immutable and thread-safe. */
public interface Suggester {

    /** The best {@code limit} suggestions for what the user has typed so far, best first. */
    List<Suggestion> suggest(String prefix, int limit);

    /** Number of distinct entries the suggester can return. */
    int size();
}
