package io.chatda.search;

/**
 * How to run a search beyond the query text.
 *
 * @param explain whether each hit carries its score breakdown
 * @param ranking {@link Ranking#FULL} for users; {@link Ranking#BODY_BM25} is the evaluation baseline
 */
public record SearchOptions(boolean explain, Ranking ranking) {

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
    }
}
