package io.chatda.app;

import io.chatda.crawl.CrawlConfig;
import io.chatda.crawl.CrawlJob;
import io.chatda.crawl.CrawlProgress;
import io.chatda.crawl.CrawlStore;
import io.chatda.crawl.CrawlSummary;
import io.chatda.crawl.Crawler;
import io.chatda.crawl.HtmlExtractor;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued crawl jobs one at a time on its own thread, never on request threads. Pages become
 * searchable at each crawl checkpoint; suggestions are rebuilt when a job ends. Jobs a previous
 * process was running when it died are queued again at start.
 */
final class CrawlWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrawlWorker.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(5);

    private final CrawlStore store;
    private final Library library;
    private final Crawler crawler;
    private final CrawlQueue queue;
    private final boolean allowPrivate;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    CrawlWorker(CrawlStore store, Library library, boolean allowPrivate) {
        this.store = store;
        this.library = library;
        this.crawler = new Crawler(store, new HtmlExtractor());
        this.queue = new CrawlQueue(store, wake::release);
        this.allowPrivate = allowPrivate;
        this.thread = new Thread(this::loop, "chatda-crawl-worker");
        this.thread.setDaemon(true);
    }

    /** The queue the admin routes submit to. */
    CrawlQueue queue() {
        return queue;
    }

    void start() {
        int requeued = store.requeueInterruptedJobs();
        if (requeued > 0) {
            log.info("requeued {} crawl job(s) interrupted by a previous stop", requeued);
        }
        thread.start();
    }

    private void loop() {
        while (running) {
            Optional<CrawlJob> next = store.claimNextJob();
            if (next.isEmpty()) {
                try {
                    wake.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            run(next.get());
        }
    }

    private void run(CrawlJob job) {
        try {
            CrawlQueue.Payload p = queue.payload(job.payload());
            CrawlConfig config = CrawlConfig.builder(p.seeds()).mode(p.mode()).maxPages(p.maxPages())
                    .maxDepth(p.maxDepth()).allowPrivate(allowPrivate).build();
            CrawlSummary summary = crawler.run(config, library.crawlSink(), progress -> report(job.id(), progress));
            library.rebuildSuggestions();
            CrawlJob.Status status = summary.stopped() ? CrawlJob.Status.CANCELLED : CrawlJob.Status.DONE;
            store.finishJob(job.id(), status, summary.format());
        } catch (RuntimeException e) {
            log.warn("crawl job {} failed", job.id(), e);
            store.finishJob(job.id(), CrawlJob.Status.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private void report(long jobId, CrawlProgress p) {
        store.updateJobMessage(jobId, String.format(Locale.ROOT, "fetched=%d indexed=%d queued=%d failed=%d pages/s=%.1f",
                p.fetched(), p.indexed(), p.queued(), p.failed(), p.pagesPerSecond()));
    }

    /** Stops a running crawl at its next checkpoint (resumable) and ends the thread. */
    @Override
    public void close() {
        running = false;
        crawler.stop();
        wake.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
