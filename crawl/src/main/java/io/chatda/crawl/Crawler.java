package io.chatda.crawl;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Crawls from seed URLs into a {@link DocumentSink}, keeping all state in a {@link CrawlStore}.
 * One run at a time per crawler; {@link #stop()} from another thread ends the run gracefully (fetches
 * under way finish, queued URLs stay queued for {@link CrawlMode#RESUME}).
 */
public final class Crawler {

    private final CrawlStore store;
    private final HtmlExtractor extractor;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<CrawlRunner> current = new AtomicReference<>();

    public Crawler(CrawlStore store, HtmlExtractor extractor) {
        this(store, extractor, Clock.systemUTC());
    }

    /** A crawler reckoning politeness delays, back-off and checkpoints by {@code clock} (tests move it). */
    public Crawler(CrawlStore store, HtmlExtractor extractor, Clock clock) {
        this.store = store;
        this.extractor = extractor;
        this.clock = clock;
    }

    /**
     * Runs a crawl to the end (frontier empty, max pages reached, or stopped) on the calling thread,
     * with {@code config.concurrency()} worker threads.
     *
     * @throws IllegalStateException if this crawler is already running
     * @throws CrawlStoreException   if the store fails; the crawl can be resumed
     */
    public CrawlSummary run(CrawlConfig config, DocumentSink sink, CrawlListener listener) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a crawl is already running");
        }
        try {
            CrawlRunner runner = new CrawlRunner(store, extractor, config, sink, listener, clock);
            current.set(runner);
            return runner.execute();
        } finally {
            current.set(null);
            running.set(false);
        }
    }

    /** The running crawl's progress, or null if none is running. */
    public CrawlProgress progress() {
        CrawlRunner runner = current.get();
        return runner == null ? null : runner.progress();
    }

    /** Asks the running crawl, if any, to stop soon. */
    public void stop() {
        CrawlRunner runner = current.get();
        if (runner != null) {
            runner.stop();
        }
    }
}
