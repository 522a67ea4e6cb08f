package io.chatda.search;

import java.util.function.BooleanSupplier;

/**
 * How to run a search beyond the query text.
 *
 * @param explain   whether each hit carries its score breakdown
 * @param ranking   {@link Ranking#FULL} for users; {@link Ranking#BODY_BM25} is the evaluation baseline
 * @param cancelled polled while the search runs (also inside Lucene's collection loop); once it answers
 *                  true the search stops and throws {@link SearchCancelledException}. Must stay true
 *                  once true, e.g. "the client has gone away".
 */
public record SearchOptions(boolean explain, Ranking ranking, BooleanSupplier cancelled) {

    private static final BooleanSupplier NEVER = () -> false;

    /** What users get: full ranking, no explanations. */
    public static final SearchOptions DEFAULT = new SearchOptions(false, Ranking.FULL);

    /** The scoring used. */
    public enum Ranking {
        /** BM25F-style field sum, proximity, authority, per-site limit. */
        FULL,
        /** Plain BM25 over the body field alone, any word may match; the baseline the evaluation compares against. */
        BODY_BM25
    }

    public SearchOptions {
        java.util.Objects.requireNonNull(ranking, "ranking");
        java.util.Objects.requireNonNull(cancelled, "cancelled");
    }

    /** Options that are never cancelled. */
    public SearchOptions(boolean explain, Ranking ranking) {
        this(explain, ranking, NEVER);
    }

    /** The same options, stopped when {@code value} answers true. */
    public SearchOptions withCancellation(BooleanSupplier value) {
        return new SearchOptions(explain, ranking, value);
    }

    boolean cancellable() {
        return cancelled != NEVER;
    }
}
