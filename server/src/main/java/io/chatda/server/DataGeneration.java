package io.chatda.server;

import java.time.Instant;

/**
 * Which version of the index and of the suggestion dictionary is being served. The app bumps a number
 * whenever it commits the index or swaps in a rebuilt dictionary (after the swap), so cached answers and
 * {@code ETag}s keyed by it never outlive the data they were computed from.
 */
public record DataGeneration(long index, Instant indexUpdated, long dictionary, Instant dictionaryUpdated) {

    /** Data that never changes (tests, read-only serving). */
    public static DataGeneration fixed() {
        Instant now = Instant.now();
        return new DataGeneration(1, now, 1, now);
    }
}
