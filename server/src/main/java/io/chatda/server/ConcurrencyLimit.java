package io.chatda.server;

/**
 * How many requests of one {@link RequestClass} may be in flight at once. An adaptive limit starts at
 * {@code initial} and moves between {@code min} and {@code max} with the latency it measures (Netflix
 * concurrency-limits' Gradient2); a fixed one stays at {@code initial}.
 */
public record ConcurrencyLimit(int initial, int min, int max, boolean adaptive) {

    public ConcurrencyLimit {
        if (min < 1 || initial < min || max < initial) {
            throw new IllegalArgumentException(
                    "need 1 <= min <= initial <= max, got " + min + ", " + initial + ", " + max);
        }
    }

    /** A limit that adapts to measured latency. */
    public static ConcurrencyLimit adaptive(int initial, int min, int max) {
        return new ConcurrencyLimit(initial, min, max, true);
    }

    /** A limit that never moves. */
    public static ConcurrencyLimit fixed(int limit) {
        return new ConcurrencyLimit(limit, limit, limit, false);
    }
}
