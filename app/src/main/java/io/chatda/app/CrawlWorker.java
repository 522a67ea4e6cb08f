package io.chatda.app;

import io.chatda.crawl.CrawlConfig;
import io.chatda.crawl.CrawlJob;
import io.chatda.crawl.CrawlMode;
import io.chatda.crawl.CrawlProgress;
import io.chatda.crawl.CrawlStore;
import io.chatda.crawl.CrawlSummary;
import io.chatda.crawl.Crawler;
import io.chatda.crawl.HtmlExtractor;
import io.chatda.server.Readiness;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued crawl jobs one at a time on its own thread, never on request threads. Pages become
 * searchable at each crawl checkpoint; suggestions are rebuilt when a job ends. Jobs a previous
 * process was running when it died, or that this one had claimed but not started when it closed, are
 * queued again at start. A failure of the worker's own work (the store can't hand out or finish a job)
 * is logged, counted ({@link BackgroundFailures}) and retried after a {@link Backoff}; if the thread
 * ends all the same (an {@link Error}), {@link #readiness()} says so. A stop for a job
 * ({@link #stop(long)}) is kept until the job ends, so a job stopped before its crawl starts never crawls.
 */
final class CrawlWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CrawlWorker.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(5);

    private final CrawlStore store;
    private final Library library;
    private final Crawler crawler;
    private final CrawlQueue queue;
    private final boolean allowPrivate;
    private final JobClaims claims;
    private final Backoff backoff;
    private final BackgroundFailures failures;
    private final Semaphore wake = new Semaphore(0);
    private final Set<Long> stops = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean started;
    private volatile long current = -1;

    CrawlWorker(CrawlStore store, Library library, boolean allowPrivate) {
        this(store, library, allowPrivate, store::claimNextJob, Backoff.DEFAULT);
    }

    /** A worker that takes its jobs from {@code claims} and waits {@code backoff} after failures (tests). */
    CrawlWorker(CrawlStore store, Library library, boolean allowPrivate, JobClaims claims, Backoff backoff) {
        this.store = store;
        this.library = library;
        this.crawler = new Crawler(store, new HtmlExtractor());
        this.queue = new CrawlQueue(store, wake::release);
        this.allowPrivate = allowPrivate;
        this.claims = claims;
        this.backoff = backoff;
        this.failures = library.backgroundFailures();
        this.thread = new Thread(this::loop, "chatda-crawl-worker");
        this.thread.setDaemon(true);
        this.thread.setUncaughtExceptionHandler((t, e) -> failures.record(BackgroundFailures.Task.CRAWL_WORKER, e));
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
        started = true;
        thread.start();
    }

    /** Not ready once the worker's thread has ended while the worker should be running. */
    Readiness readiness() {
        return () ->
                started && running && !thread.isAlive() ? Optional.of("crawl worker has stopped") : Optional.empty();
    }

    /**
     * Stops job {@code id}: at once if it is crawling (at its next checkpoint, resumable), else as soon as its
     * turn comes, without crawling.
     *
     * @return false if there is no such job or it has ended
     */
    boolean stop(long id) {
        Optional<CrawlJob> job = store.job(id);
        if (job.isEmpty() || job.get().finishedAt() != null) {
            return false;
        }
        stops.add(id);
        if (current == id) {
            crawler.stop(); // may come before the crawl has begun: then the next progress report stops it
        }
        return true;
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            try {
                Optional<CrawlJob> next = claims.claimNext();
                failuresInARow = 0;
                if (next.isEmpty()) {
                    wake.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    run(next.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failures.record(BackgroundFailures.Task.CRAWL_WORKER, e);
                failuresInARow++;
                if (!pause(backoff.delay(failuresInARow))) {
                    return;
                }
            }
        }
    }

    /** Waits {@code delay} (a submit or a close ends it early); false if interrupted. */
    private boolean pause(Duration delay) {
        try {
            wake.tryAcquire(delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void run(CrawlJob job) {
        current = job.id();
        try {
            if (!running) {
                return; // closing: the job stays running in the store, and is queued again at the next start
            }
            if (stops.contains(job.id())) {
                store.finishJob(job.id(), CrawlJob.Status.CANCELLED, "stopped before it started");
                return;
            }
            crawl(job);
        } finally {
            current = -1;
            stops.remove(job.id());
        }
    }

    private void crawl(CrawlJob job) {
        AtomicBoolean stopSent = new AtomicBoolean();
        try {
            CrawlQueue.Payload p = queue.payload(job.payload());
            // a job its last process didn't finish goes on from that crawl's frontier instead of starting over
            CrawlMode mode = job.interrupted() && p.mode() == CrawlMode.START ? CrawlMode.RESUME : p.mode();
            CrawlConfig config = CrawlConfig.builder(p.seeds())
                    .mode(mode)
                    .maxPages(p.maxPages())
                    .maxDepth(p.maxDepth())
                    .allowPrivate(allowPrivate)
                    .build();
            CrawlSummary summary = crawler.run(config, library.crawlSink(), progress -> {
                report(job.id(), progress);
                if ((!running || stops.contains(job.id())) && !stopSent.getAndSet(true)) {
                    crawler.stop();
                }
            });
            library.rebuildSuggestions();
            CrawlJob.Status status = summary.stopped() ? CrawlJob.Status.CANCELLED : CrawlJob.Status.DONE;
            store.finishJob(job.id(), status, summary.format());
        } catch (RuntimeException e) {
            log.warn("crawl job {} failed", job.id(), e);
            store.finishJob(job.id(), CrawlJob.Status.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private void report(long jobId, CrawlProgress p) {
        store.updateJobMessage(
                jobId,
                String.format(
                        Locale.ROOT,
                        "fetched=%d indexed=%d queued=%d failed=%d pages/s=%.1f",
                        p.fetched(),
                        p.indexed(),
                        p.queued(),
                        p.failed(),
                        p.pagesPerSecond()));
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
