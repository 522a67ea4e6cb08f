package io.chatda.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A query word's match through a bridge to other words for the same thing (a gloss, a synonym, a
 * transliteration): scores as the wrapped query, and its explanation names the bridge, so
 * {@code explain} says why a page matched a word it does not contain.
 */
final class BridgeQuery extends Query {

    /** How a query word reached other words. */
    enum Bridge {
        /** A Korean-English pair stated by a page of the index ({@link Glosses}). */
        GLOSS,
        /** A group of the operator's synonym file ({@link Synonyms}). */
        SYNONYM,
        /** The Hangul spelling of an English word, or a Hangul word matched to one in jamo space ({@link LoanwordField}). */
        TRANSLITERATION,
        /** Hangul bigrams, for a word nori breaks apart. */
        BIGRAMS
    }

    private final Bridge bridge;
    private final String description;
    private final Query inner;

    BridgeQuery(Bridge bridge, String description, Query inner) {
        this.bridge = bridge;
        this.description = description;
        this.inner = inner;
    }

    Bridge bridge() {
        return bridge;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = inner.rewrite(searcher);
        return rewritten == inner ? this : new BridgeQuery(bridge, description, rewritten);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight weight = inner.createWeight(searcher, scoreMode, boost);
        return new FilterWeight(this, weight) {
            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation e = in.explain(context, doc);
                return e.isMatch() ? Explanation.match(e.getValue(), label(), e) : e;
            }
        };
    }

    private String label() {
        return "bridge " + bridge.name().toLowerCase(java.util.Locale.ROOT) + ": " + description;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        inner.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return label() + " (" + inner.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && bridge == ((BridgeQuery) other).bridge
                && description.equals(((BridgeQuery) other).description)
                && inner.equals(((BridgeQuery) other).inner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), bridge, description, inner);
    }
}
