package io.chatda.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * The query-independent factor a page's link authority multiplies its text score by:
 * {@code 1 + weight · a / (a + 1)}, where {@code a} is the page's PageRank scaled so the mean page
 * has 1 (stored as updatable doc values, so recomputing it never re-indexes text). Saturating, so a
 * hub page can gain at most {@code weight} and never outrank a much better text match.
 */
final class AuthorityBoost extends DoubleValuesSource {

    private final double weight;

    AuthorityBoost(double weight) {
        this.weight = weight;
    }

    double factor(double authority) {
        return 1 + weight * authority / (authority + 1);
    }

    /** An upper bound of {@link #factor}, reached only as the authority grows without limit. */
    double maxFactor() {
        return 1 + weight;
    }

    static double decode(long bits) {
        return Double.longBitsToDouble(bits);
    }

    static long encode(double authority) {
        return Double.doubleToRawLongBits(authority);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues values = DocValues.getNumeric(ctx.reader(), Fields.AUTHORITY);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = factor(values.advanceExact(doc) ? decode(values.longValue()) : 1.0);
                return true;
            }
        };
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
        NumericDocValues values = DocValues.getNumeric(ctx.reader(), Fields.AUTHORITY);
        double authority = values.advanceExact(docId) ? decode(values.longValue()) : 1.0;
        return Explanation.match(
                (float) factor(authority),
                "authority factor 1 + " + weight + " * a/(a+1)",
                Explanation.match((float) authority, "a = PageRank x pages (mean 1)"));
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, Fields.AUTHORITY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorityBoost other && other.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(AuthorityBoost.class, weight);
    }

    @Override
    public String toString() {
        return "authority(" + weight + ")";
    }
}
