package io.chatda.crawl;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl run. The dispatcher loop runs on the caller's thread: it claims URLs from the frontier into the
 * {@link HostScheduler} and hands each, when its host may take a request, to a worker. A worker admits the URL
 * ({@link HostPreparer}: robots.txt, sitemaps, host cap), fetches it and passes the response to the
 * {@link PagePipeline}. The {@link Checkpointer} commits the sink meanwhile. This class sets the parts up,
 * counts the page budget, and winds everything down.
 */
final class CrawlRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlRunner.class);
    /** How long a stop lets the fetches under way finish before cutting them off. */
    static final long STOP_GRACE_MS = 2_000;

    private final CrawlStore store;
    private final HtmlExtractor extractor;
    private final CrawlConfig config;
    private final DocumentSink sink;
    private final CrawlListener listener;
    private final Clock clock;
    private final UrlRules rules;
    private final CrawlCounters counters = new CrawlCounters();
    private final HostScheduler scheduler;
    private final Outcomes outcomes;
    private final LinkRecorder links;
    private final DuplicateFilter duplicates;
    private final Retries retries;
    /** Page fetches handed to workers and not settled at admission: counted against {@code maxPages}. */
    private final AtomicLong dispatched = new AtomicLong();

    private final AtomicReference<RuntimeException> workerFailure = new AtomicReference<>();
    private volatile boolean stopRequested;
    private volatile long startNanos;

    // made when the run starts (the address guard reads this machine's addresses then); workers see them
    // through the executor's hand-over
    private volatile Fetcher fetcher;
    private HostPreparer preparer;
    private PagePipeline pipeline;
    private Checkpointer checkpoints;

    /** @param clock the time politeness, back-off and checkpoints are reckoned in (epoch milliseconds) */
    CrawlRunner(
            CrawlStore store,
            HtmlExtractor extractor,
            CrawlConfig config,
            DocumentSink sink,
            CrawlListener listener,
            Clock clock) {
        this.store = store;
        this.extractor = extractor;
        this.config = config;
        this.sink = sink;
        this.listener = listener;
        this.clock = clock;
        this.rules = new UrlRules(config);
        this.scheduler = new HostScheduler(config);
        this.outcomes = new Outcomes(store, sink, counters);
        this.links = new LinkRecorder(config, store, rules, counters);
        this.duplicates = new DuplicateFilter(store, config);
        this.retries = new Retries(config, store, scheduler, clock);
    }

    void stop() {
        stopRequested = true;
        // fetches under way get a moment to finish (nothing fetched twice on --resume); then a slow server's
        // are cut off, and their pages stay queued
        // (a thread of its own: the common pool may be busy, even with this crawl)
        Thread cutOff = new Thread(
                () -> {
                    try {
                        Thread.sleep(STOP_GRACE_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    Fetcher f = fetcher;
                    if (f != null) {
                        f.abort();
                    }
                },
                "chatda-crawl-stop-grace");
        cutOff.setDaemon(true);
        cutOff.start();
        scheduler.wake();
    }

    CrawlSummary execute() {
        startNanos = System.nanoTime();
        long runId = store.startRun(config);
        ExecutorService workers = Executors.newFixedThreadPool(config.concurrency(), threads("chatda-crawl"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(threads("chatda-crawl-progress"));
        checkpoints = new Checkpointer(store, sink, config, clock, this::fail, threads("chatda-crawl-commit"));
        CrawlRun.Status status = CrawlRun.Status.FAILED;
        try {
            startParts();
            prepareStore();
            ticker.scheduleAtFixedRate(() -> listener.onProgress(progress()), 500, 500, TimeUnit.MILLISECONDS);
            dispatch(workers);
            status = workerFailure.get() != null
                    ? CrawlRun.Status.FAILED
                    : stopRequested ? CrawlRun.Status.STOPPED : CrawlRun.Status.DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = CrawlRun.Status.STOPPED;
        } finally {
            finish(workers, ticker, runId, status);
        }
        RuntimeException failure = workerFailure.get();
        if (failure != null) {
            throw failure;
        }
        return summary();
    }

    private void startParts() {
        fetcher = new Fetcher(new AddressGuard(config.allowPrivate(), config.trustedHosts()), rules, config);
        RobotsCache robots = new RobotsCache(store, fetcher, config, clock);
        SitemapReader sitemaps = new SitemapReader(fetcher, rules, SitemapReader.Limits.forCrawl(config));
        preparer = new HostPreparer(config, store, rules, scheduler, robots, sitemaps, links, outcomes);
        pipeline = new PagePipeline(
                store,
                scheduler,
                retries,
                new PageReader(extractor, rules, config.robotsAgent()),
                links,
                duplicates,
                outcomes);
    }

    private void finish(ExecutorService workers, ScheduledExecutorService ticker, long runId, CrawlRun.Status status) {
        ticker.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(config.readTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        if (fetcher != null) {
            fetcher.close();
        }
        checkpoints.stopPeriodic();
        store.requeueInFlight();
        checkpoints.commitFinal();
        CrawlSummary summary = summary();
        store.finishRun(runId, status, summary.format());
        listener.onProgress(progress());
        LOG.info("crawl {} {}: {}", runId, status, summary.format());
    }

    private void prepareStore() {
        switch (config.mode()) {
            case START -> store.resetFrontier();
            case RESUME -> store.requeueInFlight();
            case REFRESH -> {
                store.requeueInFlight();
                store.requeueForRefresh();
            }
        }
        checkpoints.handOverPending();
        duplicates.loadIndexed();
        for (String seed : config.seeds()) {
            String url = rules.normalize(seed);
            if (url == null) {
                LOG.warn("not an http(s) URL, ignored: {}", seed);
                continue;
            }
            if (store.known(url) == null) {
                UrlRules.Skip skip = rules.check(url, 0);
                store.insert(
                        url,
                        UrlRules.authority(url),
                        UrlRules.pathKey(url),
                        0,
                        skip == null ? null : skip.reason(),
                        skip == null ? null : skip.detail());
                if (skip != null) {
                    counters.skipped(skip.reason());
                }
            }
        }
    }

    // ---------------------------------------------------------------- dispatcher

    /** Hands URLs to the workers as their hosts become free, until the frontier or the page budget runs out. */
    private void dispatch(ExecutorService workers) throws InterruptedException {
        long budget = config.maxPages() - store.countRunFetches();
        checkpoints.schedule();
        while (!stopRequested && workerFailure.get() == null) {
            long now = clock.millis();
            checkpoints.maybeStart(now);
            if (dispatched.get() >= budget) {
                if (scheduler.awaitIdle(100)) {
                    break;
                }
                continue;
            }
            int wanted = scheduler.wanted();
            if (wanted > 0) {
                scheduler.add(store.claim(wanted, now));
            }
            if (scheduler.drained()) {
                long next = store.nextNotBefore();
                if (next < 0) {
                    break;
                }
                scheduler.pause(Math.max(1, Math.min(1000, next - now)));
                continue;
            }
            HostScheduler.Slot slot = scheduler.poll(now);
            if (slot == null) {
                scheduler.awaitFree(now);
                continue;
            }
            dispatched.incrementAndGet();
            workers.execute(() -> work(slot));
        }
        scheduler.awaitAllFinished();
    }

    // ---------------------------------------------------------------- worker

    private void work(HostScheduler.Slot slot) {
        try {
            if (admit(slot)) {
                fetch(slot);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("crawl of {} failed", slot.entry().url(), e);
            fail(e);
        } finally {
            scheduler.finished();
        }
    }

    /** {@link HostPreparer#admit}; a URL not admitted gives its host's slot and its place in the budget back. */
    private boolean admit(HostScheduler.Slot slot) throws InterruptedException {
        boolean admitted = false;
        try {
            admitted = preparer.admit(slot);
            return admitted;
        } finally {
            if (!admitted) {
                dispatched.decrementAndGet();
                scheduler.releaseUnused(slot);
            }
        }
    }

    /** Fetches the slot's URL, releases its host (the polite delay from now on) and passes the result on. */
    private void fetch(HostScheduler.Slot slot) throws InterruptedException {
        CrawlStore.Entry entry = slot.entry();
        long delay = scheduler.politeDelay(slot);
        boolean revalidate = config.mode() == CrawlMode.REFRESH && entry.indexed();
        Fetcher.Response response;
        try {
            response = fetcher.get(
                    entry.url(),
                    revalidate ? entry.etag() : null,
                    revalidate ? entry.lastModified() : null,
                    true,
                    next -> preparer.checkHop(next, entry.depth()));
        } catch (Fetcher.FetchException e) {
            if (!stopRequested) { // else cut off by the stop: left in flight, queued again for --resume
                counters.fetched();
                pipeline.failed(slot, e);
            }
            return;
        } finally {
            scheduler.release(slot, clock.millis() + delay);
        }
        counters.fetched();
        LOG.trace("{} {}", response.status(), entry.url());
        pipeline.handle(slot, response);
    }

    /** Ends the run: a worker or the committer failed. The first failure is the one thrown. */
    private void fail(RuntimeException e) {
        workerFailure.compareAndSet(null, e);
        scheduler.wake();
    }

    // ---------------------------------------------------------------- progress

    CrawlProgress progress() {
        HostScheduler.Load load = scheduler.load();
        return counters.progress(load.buffered() + store.countQueued(), load.inFlight(), elapsed());
    }

    private CrawlSummary summary() {
        return counters.summary(elapsed(), stopRequested);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
