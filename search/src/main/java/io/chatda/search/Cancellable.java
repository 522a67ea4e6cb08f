package io.chatda.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Wraps a collector manager so a search stops once {@code cancelled} answers true: asked before each
 * segment (throws {@link SearchCancelledException}) and at the first and then every {@value #EVERY}th
 * collected document (ends that segment's collection; the caller asks again and throws). Only the
 * collector is wrapped, never the scorer: Lucene's bulk scorers keep scoring in one pass with their
 * block-max / MaxScore pruning, which {@code IndexSearcher.setTimeout}'s windowed scoring cost.
 */
final class Cancellable<C extends Collector, T> implements CollectorManager<Collector, T> {

    static final int EVERY = 256;

    private final CollectorManager<C, T> in;
    private final BooleanSupplier cancelled;
    private final List<C> collectors = new ArrayList<>();

    Cancellable(CollectorManager<C, T> in, BooleanSupplier cancelled) {
        this.in = in;
        this.cancelled = cancelled;
    }

    @Override
    public Collector newCollector() throws IOException {
        C collector = in.newCollector();
        synchronized (collectors) {
            collectors.add(collector);
        }
        return new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                if (cancelled.getAsBoolean()) {
                    throw new SearchCancelledException();
                }
                return new Checking(collector.getLeafCollector(context), cancelled);
            }

            @Override
            public ScoreMode scoreMode() {
                return collector.scoreMode();
            }

            @Override
            public void setWeight(Weight weight) {
                collector.setWeight(weight);
            }
        };
    }

    @Override
    public T reduce(Collection<Collector> ignored) throws IOException {
        synchronized (collectors) {
            return in.reduce(collectors);
        }
    }

    /** Delegates everything, including the competitive iterator that lets scorers skip documents. */
    private static final class Checking implements LeafCollector {
        private final LeafCollector in;
        private final BooleanSupplier cancelled;
        private int untilCheck;

        Checking(LeafCollector in, BooleanSupplier cancelled) {
            this.in = in;
            this.cancelled = cancelled;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            in.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (--untilCheck < 0) {
                untilCheck = EVERY - 1;
                if (cancelled.getAsBoolean()) {
                    throw new CollectionTerminatedException();
                }
            }
            in.collect(doc);
        }

        @Override
        public DocIdSetIterator competitiveIterator() throws IOException {
            return in.competitiveIterator();
        }

        @Override
        public void finish() throws IOException {
            in.finish();
        }
    }
}
