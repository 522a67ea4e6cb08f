package io.chatda.crawl;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a {@link CheckpointingSink} during a crawl: periodically on a thread of its own, so fetching and
 * parsing go on while the index commits, and once at the end. At the start it hands the sink the documents a
 * previous run delivered but never saw committed. Does nothing for a sink that doesn't checkpoint.
 */
final class Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    /** The next periodic commit waits this many times as long as the last one took: commits get about a fifth of the time. */
    private static final int COMMIT_SPACING = 4;
    /** However slow commits get, pages become searchable at least this often (unless the interval is longer). */
    private static final long MAX_COMMIT_GAP_MS = 60_000;

    private final CrawlStore store;
    private final CheckpointingSink sink;
    private final CrawlConfig config;
    private final Clock clock;
    private final Consumer<RuntimeException> onFailure;
    private final ExecutorService committer;
    /** The periodic commit started last; only the dispatcher's thread touches it. */
    private Future<?> running;

    private volatile long nextAt;

    /**
     * @param onFailure told when a periodic commit fails (the crawl should end: the index is in trouble)
     * @param threads   makes the commit thread
     */
    Checkpointer(
            CrawlStore store,
            DocumentSink sink,
            CrawlConfig config,
            Clock clock,
            Consumer<RuntimeException> onFailure,
            ThreadFactory threads) {
        this.store = store;
        this.sink = sink instanceof CheckpointingSink cs ? cs : null;
        this.config = config;
        this.clock = clock;
        this.onFailure = onFailure;
        this.committer = Executors.newSingleThreadExecutor(threads);
    }

    /** Hands the sink the documents delivered but not committed before (a run killed between the two). */
    void handOverPending() {
        if (sink == null) {
            return;
        }
        long seq = store.maxPendingSeq();
        List<SourceDocument> pending = store.pendingDocuments();
        if (!pending.isEmpty()) {
            LOG.info("handing {} documents not yet committed by the sink over again", pending.size());
            pending.forEach(sink::accept);
            sink.commit();
        }
        store.clearPending(seq);
    }

    /** The first periodic commit is due an interval from now. */
    void schedule() {
        nextAt = clock.millis() + config.checkpointInterval().toMillis();
    }

    /**
     * Starts a commit in the background when one is due and none is running. The next one is due
     * {@code checkpointInterval} after this one ends, or later if commits get slow (an index commit grows with
     * the index), so committing takes at most about a fifth of the crawl's time, yet never waits more than a
     * minute (or the interval, if longer).
     */
    void maybeStart(long now) {
        if (sink == null || now < nextAt || (running != null && !running.isDone())) {
            return;
        }
        running = committer.submit(() -> {
            long start = clock.millis();
            try {
                commit();
            } catch (RuntimeException e) {
                LOG.error("periodic commit of the index failed", e);
                onFailure.accept(e);
            }
            long end = clock.millis();
            long interval = config.checkpointInterval().toMillis();
            nextAt = end + Math.max(interval, Math.min(COMMIT_SPACING * (end - start), MAX_COMMIT_GAP_MS));
        });
    }

    /** Stops the commit thread, waiting for the periodic commit under way, if any. */
    void stopPeriodic() {
        committer.shutdown();
        try {
            committer.awaitTermination(Long.MAX_VALUE, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The final commit, on the caller's thread. */
    void commitFinal() {
        long start = clock.millis();
        commit();
        LOG.info("final commit took {} ms", clock.millis() - start);
    }

    private void commit() {
        if (sink != null) {
            long seq = store.maxPendingSeq();
            sink.commit();
            store.clearPending(seq);
        }
    }
}
