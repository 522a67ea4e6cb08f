package io.chatda.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The text query's score times the page's {@link AuthorityBoost} factor. Unlike Lucene's
 * {@code FunctionScoreQuery} it tells the scorers below how high a score can go (the text maximum
 * times the largest possible factor) and passes the competitive minimum down (divided by that
 * factor), so block-max WAND and MaxScore keep skipping documents that can't reach the top hits.
 * The order of results is exactly that of the plain product.
 */
final class AuthorityQuery extends Query {

    private final Query in;
    private final AuthorityBoost authority;

    AuthorityQuery(Query in, AuthorityBoost authority) {
        this.in = Objects.requireNonNull(in);
        this.authority = Objects.requireNonNull(authority);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = in.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            return inner;
        }
        float maxFactor = (float) authority.maxFactor();
        return new FilterWeight(this, inner) {
            @Override
            public Scorer scorer(LeafReaderContext ctx) throws IOException {
                ScorerSupplier supplier = scorerSupplier(ctx);
                return supplier == null ? null : supplier.get(Long.MAX_VALUE);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext ctx) throws IOException {
                ScorerSupplier text = in.scorerSupplier(ctx);
                if (text == null) {
                    return null;
                }
                Weight weight = this;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return scaled(weight, text.get(leadCost), authority.getValues(ctx, null), maxFactor);
                    }

                    @Override
                    public long cost() {
                        return text.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        // scaling keeps the order, so the text scorer may prune as if it were on top
                        text.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public BulkScorer bulkScorer(LeafReaderContext ctx) throws IOException {
                BulkScorer text = in.bulkScorer(ctx);
                return text == null ? null : scaled(text, authority.getValues(ctx, null), maxFactor);
            }

            @Override
            public Explanation explain(LeafReaderContext ctx, int doc) throws IOException {
                Explanation text = in.explain(ctx, doc);
                if (!text.isMatch()) {
                    return text;
                }
                Explanation factor = authority.explain(ctx, doc, text);
                return Explanation.match(
                        (float) (text.getValue().doubleValue()
                                * factor.getValue().doubleValue()),
                        "text score x authority factor",
                        text,
                        factor);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return in.isCacheable(ctx) && authority.isCacheable(ctx);
            }
        };
    }

    /** Keeps Lucene's specialised bulk scorers (e.g. block-max conjunctions), scaling what they pass to the collector. */
    private static BulkScorer scaled(BulkScorer text, DoubleValues factors, float maxFactor) {
        return new BulkScorer() {
            @Override
            public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
                return text.score(
                        new FilterLeafCollector(collector) {
                            private int doc = -1;

                            @Override
                            public void setScorer(Scorable scorer) throws IOException {
                                in.setScorer(new Scorable() {
                                    @Override
                                    public float score() throws IOException {
                                        factors.advanceExact(doc);
                                        return (float) (scorer.score() * factors.doubleValue());
                                    }

                                    @Override
                                    public int docID() {
                                        return doc;
                                    }

                                    @Override
                                    public void setMinCompetitiveScore(float minScore) throws IOException {
                                        scorer.setMinCompetitiveScore(Math.nextDown(minScore / maxFactor));
                                    }
                                });
                            }

                            @Override
                            public void collect(int doc) throws IOException {
                                this.doc = doc;
                                in.collect(doc);
                            }
                        },
                        acceptDocs,
                        min,
                        max);
            }

            @Override
            public long cost() {
                return text.cost();
            }
        };
    }

    private static Scorer scaled(Weight weight, Scorer text, DoubleValues factors, float maxFactor) {
        return new FilterScorer(text, weight) {
            @Override
            public float score() throws IOException {
                factors.advanceExact(docID());
                return (float) (in.score() * factors.doubleValue());
            }

            @Override
            public int advanceShallow(int target) throws IOException {
                return in.advanceShallow(target);
            }

            @Override
            public float getMaxScore(int upTo) throws IOException {
                return Math.nextUp(in.getMaxScore(upTo) * maxFactor);
            }

            @Override
            public void setMinCompetitiveScore(float minScore) throws IOException {
                in.setMinCompetitiveScore(Math.nextDown(minScore / maxFactor));
            }
        };
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new AuthorityQuery(rewritten, authority);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "(" + in.toString(field) + ") x " + authority;
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && in.equals(((AuthorityQuery) o).in) && authority.equals(((AuthorityQuery) o).authority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), in, authority);
    }
}
