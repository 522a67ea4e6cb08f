package io.chatda.crawl;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One crawl run: the dispatcher loop (on the caller's thread) and the page work (on worker threads). */
final class CrawlRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlRunner.class);
    /** The link source id of URLs found in sitemaps (no page has id 0). */
    private static final long SITEMAP_SOURCE = 0;
    /** The next periodic commit waits this many times as long as the last one took: commits get about a fifth of the time. */
    private static final int COMMIT_SPACING = 4;
    /** However slow commits get, pages become searchable at least this often (unless the interval is longer). */
    private static final long MAX_COMMIT_GAP_MS = 60_000;
    /** How long a stop lets the fetches under way finish before cutting them off. */
    static final long STOP_GRACE_MS = 2_000;
    private static final Set<SkipReason> FAILURES = Set.of(SkipReason.SERVER_ERROR, SkipReason.TIMEOUT,
            SkipReason.FETCH_ERROR, SkipReason.CLIENT_ERROR, SkipReason.ROBOTS_UNAVAILABLE);

    private final CrawlStore store;
    private final HtmlExtractor extractor;
    private final CrawlConfig config;
    private final DocumentSink sink;
    private final CrawlListener listener;
    private final UrlRules rules;
    private final SimHash.Index nearDuplicates;
    private final Set<String> deliveringHashes = new HashSet<>();

    private final Object lock = new Object();
    /** Held while a page's links are classified and stored. */
    private final Object linkLock = new Object();
    private final ArrayDeque<CrawlStore.Entry> buffer = new ArrayDeque<>();
    private final Map<String, Host> hosts = new HashMap<>();
    private int inFlight;
    private volatile boolean stopRequested;
    private RuntimeException workerFailure;

    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skippedTotal = new AtomicLong();
    private final Map<SkipReason, AtomicLong> skipped = new EnumMap<>(SkipReason.class);
    private long startNanos;

    private volatile Fetcher fetcher;
    private RobotsCache robots;
    private SitemapReader sitemaps;
    /** The sink's periodic commits run here, so fetching and parsing go on while the index commits. */
    private ExecutorService committer;
    private java.util.concurrent.Future<?> commitRunning;
    private volatile long nextCheckpoint;

    /** Politeness state of one host (scheme and authority); guarded by {@code lock}. */
    private static final class Host {
        boolean prepared;
        /** Requests to this host under way. */
        int active;
        long nextAt;
        long backoffMs;
        long fetches;
        RobotsCache.HostRules robots;
    }

    CrawlRunner(CrawlStore store, HtmlExtractor extractor, CrawlConfig config, DocumentSink sink,
                CrawlListener listener) {
        this.store = store;
        this.extractor = extractor;
        this.config = config;
        this.sink = sink;
        this.listener = listener;
        this.rules = new UrlRules(config);
        this.nearDuplicates = new SimHash.Index(Math.min(3, config.nearDuplicateDistance()));
        for (SkipReason r : SkipReason.values()) {
            skipped.put(r, new AtomicLong());
        }
    }

    void stop() {
        stopRequested = true;
        // fetches under way get a moment to finish (nothing fetched twice on --resume); then a slow server's
        // are cut off, and their pages stay queued
        // (a thread of its own: the common pool may be busy, even with this crawl)
        Thread cutOff = new Thread(() -> {
            try {
                Thread.sleep(STOP_GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            Fetcher f = fetcher;
            if (f != null) {
                f.abort();
            }
        }, "chatda-crawl-stop-grace");
        cutOff.setDaemon(true);
        cutOff.start();
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    CrawlSummary execute() {
        startNanos = System.nanoTime();
        long runId = store.startRun(config);
        ExecutorService workers = Executors.newFixedThreadPool(config.concurrency(), threads("chatda-crawl"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(threads("chatda-crawl-progress"));
        committer = Executors.newSingleThreadExecutor(threads("chatda-crawl-commit"));
        String status = "failed";
        try {
            fetcher = new Fetcher(new AddressGuard(config.allowPrivate(), config.trustedHosts()), rules, config);
            robots = new RobotsCache(store, fetcher, config, java.time.Clock.systemUTC());
            sitemaps = new SitemapReader(fetcher, rules, SitemapReader.Limits.forCrawl(config));
            prepareStore();
            ticker.scheduleAtFixedRate(() -> listener.onProgress(progress()), 500, 500, TimeUnit.MILLISECONDS);
            dispatch(workers);
            status = stopRequested ? "stopped" : "done";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "stopped";
        } finally {
            ticker.shutdownNow();
            workers.shutdown();
            try {
                workers.awaitTermination(config.readTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.shutdownNow();
            if (fetcher != null) {
                fetcher.close();
            }
            awaitCommit();
            committer.shutdown();
            store.requeueInFlight();
            long commitStart = System.nanoTime();
            checkpoint();
            LOG.info("final commit took {} ms", (System.nanoTime() - commitStart) / 1_000_000);
            CrawlSummary summary = summary();
            store.finishRun(runId, status, summary.format());
            listener.onProgress(progress());
            LOG.info("crawl {} {}: {}", runId, status, summary.format());
        }
        synchronized (lock) {
            if (workerFailure != null) {
                throw workerFailure;
            }
        }
        return summary();
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
        if (sink instanceof CheckpointingSink cs) {
            long seq = store.maxPendingSeq();
            List<SourceDocument> pending = store.pendingDocuments();
            if (!pending.isEmpty()) {
                LOG.info("handing {} documents not yet committed by the sink over again", pending.size());
                pending.forEach(cs::accept);
                cs.commit();
            }
            store.clearPending(seq);
        }
        store.forEachSimhash(nearDuplicates::add);
        for (String seed : config.seeds()) {
            String url = rules.normalize(seed);
            if (url == null) {
                LOG.warn("not an http(s) URL, ignored: {}", seed);
                continue;
            }
            if (store.known(url) == null) {
                UrlRules.Skip skip = rules.check(url, 0);
                store.insert(url, UrlRules.authority(url), UrlRules.pathKey(url), 0,
                        skip == null ? null : skip.reason(), skip == null ? null : skip.detail());
                if (skip != null) {
                    countSkip(skip.reason());
                }
            }
        }
    }

    // ---------------------------------------------------------------- dispatcher

    private void dispatch(ExecutorService workers) throws InterruptedException {
        long fetchedBefore = store.countRunFetches();
        long dispatched = 0;
        nextCheckpoint = System.currentTimeMillis() + config.checkpointInterval().toMillis();
        while (true) {
            long now = System.currentTimeMillis();
            maybeCheckpoint(now);
            CrawlStore.Entry entry;
            Host host;
            synchronized (lock) {
                if (workerFailure != null || stopRequested) {
                    break;
                }
                if (fetchedBefore + dispatched >= config.maxPages()) {
                    if (inFlight == 0) {
                        break;
                    }
                    lock.wait(100);
                    continue;
                }
            }
            int want = config.concurrency() * 32;
            boolean refill;
            synchronized (lock) {
                refill = buffer.size() < config.concurrency() * 8;
            }
            if (refill) {
                List<CrawlStore.Entry> more;
                synchronized (lock) {
                    more = store.claim(want - buffer.size(), now);
                    buffer.addAll(more);
                }
            }
            synchronized (lock) {
                if (buffer.isEmpty()) {
                    if (inFlight == 0) {
                        long next = store.nextNotBefore();
                        if (next < 0) {
                            break;
                        }
                        lock.wait(Math.max(1, Math.min(1000, next - now)));
                    } else {
                        lock.wait(100);
                    }
                    continue;
                }
                entry = null;
                host = null;
                long earliest = Long.MAX_VALUE;
                for (Iterator<CrawlStore.Entry> it = buffer.iterator(); it.hasNext(); ) {
                    CrawlStore.Entry e = it.next();
                    Host h = hosts.computeIfAbsent(hostKey(e), k -> new Host());
                    boolean free = h.active < parallelLimit(h);
                    if (free && h.nextAt <= now) {
                        entry = e;
                        host = h;
                        it.remove();
                        break;
                    }
                    if (free) {
                        earliest = Math.min(earliest, h.nextAt);
                    }
                }
                if (entry == null) {
                    lock.wait(Math.max(1, Math.min(100, earliest == Long.MAX_VALUE ? 100 : earliest - now)));
                    continue;
                }
                host.active++;
            }
            boolean submitted = false;
            try {
                if (admitForFetch(entry, host)) {
                    synchronized (lock) {
                        inFlight++;
                    }
                    dispatched++;
                    CrawlStore.Entry e = entry;
                    Host h = host;
                    workers.execute(() -> work(e, h));
                    submitted = true;
                }
            } finally {
                if (!submitted) {
                    synchronized (lock) {
                        host.active--;
                        lock.notifyAll();
                    }
                }
            }
        }
        synchronized (lock) {
            while (inFlight > 0) {
                lock.wait(100);
            }
        }
    }

    /** Robots, host cap and host preparation (robots.txt and sitemaps); false if the entry was settled here. */
    private boolean admitForFetch(CrawlStore.Entry entry, Host host) throws InterruptedException {
        RobotsCache.HostRules hostRules = robots.rules(entry.url());
        if (!host.prepared && hostRules.rules() != null) {
            host.prepared = true;
            host.fetches = store.countHostFetches(UrlRules.authority(entry.url()));
            if (config.useSitemaps()) {
                readSitemaps(entry.url(), hostRules);
            }
        }
        host.robots = hostRules;
        if (hostRules.unavailable()) {
            settle(entry, SkipReason.ROBOTS_UNAVAILABLE, "robots.txt keeps failing: " + hostRules.failure(), 0, false, null);
            return false;
        }
        if (hostRules.deferred()) {
            store.retryLater(entry.id(), hostRules.retryAt(), false, 0);
            return false;
        }
        if (!hostRules.rules().isAllowed(entry.url())) {
            settle(entry, SkipReason.ROBOTS, null, 0, false, null);
            return false;
        }
        if (host.fetches >= config.maxPerHostPages()) {
            settle(entry, SkipReason.HOST_CAP, null, 0, false, null);
            return false;
        }
        host.fetches++;
        return true;
    }

    private void readSitemaps(String url, RobotsCache.HostRules hostRules) throws InterruptedException {
        String hostKey = hostKey(url);
        CrawlStore.Robots stored = store.robots(hostKey);
        if (stored != null && stored.sitemapsDone()) {
            return;
        }
        List<String> named = robots.sitemaps(hostRules);
        List<String> pages = sitemaps.read(named.isEmpty() ? List.of(hostKey + "/sitemap.xml") : named);
        List<CrawlStore.NewLink> links = new ArrayList<>();
        synchronized (linkLock) {
            for (String page : pages) {
                Normalized target = normalized(page);
                if (target != null) {
                    links.add(classify(target, 1, ""));
                }
            }
            if (!links.isEmpty()) {
                store.addLinks(SITEMAP_SOURCE, dedupe(links));
            }
        }
        store.markSitemapsDone(hostKey);
    }

    // ---------------------------------------------------------------- page work

    private void work(CrawlStore.Entry entry, Host host) {
        long delay = politeDelay(host);
        int status = 0;
        try {
            boolean revalidate = config.mode() == CrawlMode.REFRESH && entry.indexed();
            Fetcher.Response response;
            try {
                response = fetcher.get(entry.url(), revalidate ? entry.etag() : null,
                        revalidate ? entry.lastModified() : null, true, next -> hopCheck(next, entry.depth()));
                status = response.status();
            } catch (Fetcher.FetchException e) {
                if (stopRequested) {
                    return; // cut off by the stop: left in flight, queued again for --resume
                }
                fetched.incrementAndGet();
                if (e.reason == SkipReason.TIMEOUT || e.reason == SkipReason.FETCH_ERROR) {
                    if (retry(entry, host, true, 0, null)) {
                        return;
                    }
                }
                markRedirectHops(e.hops, entry);
                settle(entry, e.reason, e.getMessage(), 0, true, e.hops.size() > 1 ? last(e.hops) : null);
                return;
            } finally {
                release(host, delay);
            }
            fetched.incrementAndGet();
            handle(entry, host, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("crawl of {} failed", entry.url(), e);
            synchronized (lock) {
                if (workerFailure == null) {
                    workerFailure = e;
                }
            }
        } finally {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
            LOG.trace("{} {}", status, entry.url());
        }
    }

    private UrlRules.Skip hopCheck(String url, int depth) {
        CrawlStore.Known known = store.known(url);
        if (known != null && !CrawlStore.QUEUED.equals(known.state())) {
            return new UrlRules.Skip(SkipReason.REDIRECT, "target already " + known.state().toLowerCase(Locale.ROOT));
        }
        UrlRules.Skip skip = rules.check(url, depth);
        if (skip != null) {
            return skip;
        }
        try {
            RobotsCache.HostRules r = robots.rules(url);
            if (r.rules() != null && !r.rules().isAllowed(url)) {
                return new UrlRules.Skip(SkipReason.ROBOTS, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UrlRules.Skip(SkipReason.FETCH_ERROR, "interrupted");
        }
        return null;
    }

    private void handle(CrawlStore.Entry entry, Host host, Fetcher.Response r) throws InterruptedException {
        int status = r.status();
        if (status == 429 || status >= 500) {
            if (!retry(entry, host, true, status, r.headers().firstValue("retry-after").orElse(null))) {
                settle(entry, SkipReason.SERVER_ERROR, "HTTP " + status, status, true, null);
            }
            return;
        }
        synchronized (lock) {
            host.backoffMs = 0;
        }
        if (status == 304) {
            store.complete(entry.id(), new CrawlStore.Outcome(CrawlStore.DONE, null, "not modified", status, true,
                    null, null, null, null, null, null), null);
            unchanged.incrementAndGet();
            return;
        }
        if (status == 404 || status == 410) {
            settle(entry, SkipReason.NOT_FOUND, "HTTP " + status, status, true, null);
            return;
        }
        if (status >= 300) {
            settle(entry, status < 400 ? SkipReason.FETCH_ERROR : SkipReason.CLIENT_ERROR, "HTTP " + status, status,
                    true, null);
            return;
        }
        CrawlStore.Entry target = entry;
        if (!r.url().equals(entry.url())) {
            markRedirectHops(r.hops(), entry);
            long id = store.claimRedirectTarget(r.url(), UrlRules.authority(r.url()), UrlRules.pathKey(r.url()),
                    entry.depth());
            settle(entry, SkipReason.REDIRECT, "to " + r.url(), status, true, r.url());
            if (id < 0) {
                return;
            }
            target = new CrawlStore.Entry(id, r.url(), UrlRules.authority(r.url()), entry.depth(), 0, null, null,
                    false, null);
        }
        processPage(target, entry.indexed() && target == entry, r);
    }

    private void processPage(CrawlStore.Entry entry, boolean wasIndexed, Fetcher.Response r) {
        String url = entry.url();
        Charset charset = charset(r.charset());
        String headerRobots = String.join(",", r.headers().allValues("x-robots-tag")).toLowerCase(Locale.ROOT);
        boolean noindex = robotsHeader(headerRobots, "noindex");
        boolean nofollow = robotsHeader(headerRobots, "nofollow");
        String title;
        List<String> headings;
        String body;
        List<SourceDocument.Link> links;
        List<SourceDocument.Link> followable;
        String canonical = null;
        String language;
        String html = "";
        if (r.mimeType().equals("text/plain")) {
            String text = new String(r.body(), charset == null ? StandardCharsets.UTF_8 : charset).strip();
            int nl = text.indexOf('\n');
            String first = (nl < 0 ? text : text.substring(0, nl)).strip();
            title = first.isEmpty() || first.length() > 200 ? lastSegment(url) : first;
            headings = List.of();
            body = (nl < 0 ? "" : text.substring(nl + 1)).replaceAll("\\s+", " ").strip();
            links = List.of();
            followable = List.of();
            language = Language.detect(title + " " + body);
        } else {
            HtmlExtractor.Page page = extractor.extractPage(r.body(), charset == null ? null : charset.name(), url,
                    config.robotsAgent());
            noindex |= page.noindex();
            nofollow |= page.nofollow();
            title = page.content().title().isBlank() ? lastSegment(url) : page.content().title();
            headings = page.content().headings();
            body = page.content().body();
            links = page.content().links();
            followable = page.followable();
            canonical = page.canonical() == null ? null : rules.normalize(page.canonical());
            language = page.language();
            html = page.content().html();
        }
        String etag = r.headers().firstValue("etag").orElse(null);
        String lastModified = r.headers().firstValue("last-modified").orElse(null);
        String hash = sha256(title + "\n" + body);
        long simhash = SimHash.of(title + " " + body);
        // normalising is the links' own work, done first; then one page's links at a time, so that a URL two
        // workers find at once is classified (and counted) once
        List<Outlink> outlinks = new ArrayList<>();
        for (SourceDocument.Link l : nofollow ? List.<SourceDocument.Link>of() : followable) {
            Normalized target = normalized(l.url());
            if (target != null) {
                outlinks.add(new Outlink(target, l.anchorText()));
            }
        }
        Normalized canonicalTarget = canonical != null && !canonical.equals(url) ? normalized(canonical) : null;
        synchronized (linkLock) {
            List<CrawlStore.NewLink> newLinks = new ArrayList<>();
            for (Outlink o : outlinks) {
                newLinks.add(classify(o.target(), entry.depth() + 1, o.anchor()));
            }
            if (canonicalTarget != null) {
                newLinks.add(classify(canonicalTarget, entry.depth(), ""));
            }
            store.addLinks(entry.id(), dedupe(newLinks));
        }

        if (noindex) {
            drop(entry, wasIndexed, SkipReason.NOINDEX, null, null, hash, simhash, etag, lastModified);
            return;
        }
        if (canonical != null && !canonical.equals(url)) {
            drop(entry, wasIndexed, SkipReason.NON_CANONICAL, "canonical " + canonical, canonical, hash, simhash,
                    etag, lastModified);
            return;
        }
        if (wasIndexed && hash.equals(entry.contentHash())) {
            store.complete(entry.id(), new CrawlStore.Outcome(CrawlStore.DONE, null, "unchanged", r.status(), true,
                    true, hash, simhash, etag, lastModified, null), null);
            unchanged.incrementAndGet();
            return;
        }
        String duplicateOf;
        SkipReason dupReason;
        synchronized (deliveringHashes) {
            duplicateOf = store.indexedWithHash(hash, entry.id());
            dupReason = SkipReason.DUPLICATE;
            if (duplicateOf == null && deliveringHashes.contains(hash)) {
                duplicateOf = "(being indexed)";
            }
            if (duplicateOf == null) {
                duplicateOf = nearDuplicates.find(simhash, url);
                dupReason = SkipReason.NEAR_DUPLICATE;
            }
            if (duplicateOf == null) {
                deliveringHashes.add(hash);
                if (!wasIndexed) {
                    nearDuplicates.add(simhash, url);
                }
            }
        }
        if (duplicateOf != null) {
            drop(entry, wasIndexed, dupReason, null, duplicateOf, hash, simhash, etag, lastModified);
            return;
        }
        try {
            SourceDocument doc = new SourceDocument(url, title, headings, body, links, language,
                    URI.create(url).getHost(), html);
            sink.accept(doc);
            store.complete(entry.id(), new CrawlStore.Outcome(CrawlStore.DONE, null, null, r.status(), true, true,
                    hash, simhash, etag, lastModified, null), sink instanceof CheckpointingSink ? doc : null);
            indexed.incrementAndGet();
        } finally {
            synchronized (deliveringHashes) {
                deliveringHashes.remove(hash);
            }
        }
    }

    private void drop(CrawlStore.Entry entry, boolean wasIndexed, SkipReason reason, String detail,
                      String duplicateOf, String hash, long simhash, String etag, String lastModified) {
        if (wasIndexed) {
            sink.delete(entry.url());
            deleted.incrementAndGet();
        }
        store.complete(entry.id(), new CrawlStore.Outcome(CrawlStore.SKIPPED, reason, detail, 200, true, false,
                hash, simhash, etag, lastModified, duplicateOf), null);
        countSkip(reason);
    }

    /** Records that the URL won't be indexed; a page that was indexed leaves the sink if it's gone. */
    private void settle(CrawlStore.Entry entry, SkipReason reason, String detail, int status, boolean wasFetched,
                        String duplicateOf) {
        Boolean nowIndexed = null;
        boolean gone = reason == SkipReason.NOT_FOUND || reason == SkipReason.CLIENT_ERROR
                || reason == SkipReason.ROBOTS || reason == SkipReason.REDIRECT;
        if (entry.indexed() && gone) {
            sink.delete(entry.url());
            deleted.incrementAndGet();
            nowIndexed = false;
        }
        store.complete(entry.id(), new CrawlStore.Outcome(CrawlStore.SKIPPED, reason, detail, status, wasFetched,
                nowIndexed, null, null, null, null, duplicateOf), null);
        countSkip(reason);
    }

    /** The intermediate URLs of a redirect chain are settled as redirects so they aren't fetched again. */
    private void markRedirectHops(List<String> hops, CrawlStore.Entry entry) {
        for (int i = 1; i < hops.size() - 1; i++) {
            String hop = hops.get(i);
            long id = store.claimRedirectTarget(hop, UrlRules.authority(hop), UrlRules.pathKey(hop), entry.depth());
            if (id >= 0) {
                store.complete(id, new CrawlStore.Outcome(CrawlStore.SKIPPED, SkipReason.REDIRECT, "to " + hops.get(i + 1),
                        0, false, null, null, null, null, null, hops.get(i + 1)), null);
                countSkip(SkipReason.REDIRECT);
            }
        }
    }

    private boolean retry(CrawlStore.Entry entry, Host host, boolean wasFetched, int status, String retryAfter) {
        long backoff = Math.min(60_000, config.retryBackoff().toMillis() << Math.min(20, entry.attempts()));
        if (retryAfter != null) {
            try {
                backoff = Math.max(backoff, Math.min(60_000, Long.parseLong(retryAfter.strip()) * 1000));
            } catch (NumberFormatException ignored) {
                // an HTTP date: keep our own back-off
            }
        }
        synchronized (lock) {
            host.backoffMs = Math.min(60_000, Math.max(host.backoffMs * 2, config.retryBackoff().toMillis()));
            host.nextAt = Math.max(host.nextAt, System.currentTimeMillis() + host.backoffMs);
        }
        if (entry.attempts() >= config.maxRetries()) {
            return false;
        }
        store.retryLater(entry.id(), System.currentTimeMillis() + backoff, wasFetched, status);
        return true;
    }

    private long politeDelay(Host host) {
        synchronized (lock) {
            BaseRobotRules r = host.robots == null ? null : host.robots.rules();
            if (r != null && r.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && r.getCrawlDelay() > 0) {
                return Math.min(r.getCrawlDelay(), config.maxCrawlDelay().toMillis());
            }
            return config.delay().toMillis();
        }
    }

    /**
     * How many requests may go to this host at once: one (politeness), unless politeness is off (a delay of
     * zero and no robots.txt Crawl-delay) and the host is known and not backing off, when all workers may.
     * Guarded by {@code lock}.
     */
    private int parallelLimit(Host host) {
        if (host.robots == null || host.robots.rules() == null || host.backoffMs > 0
                || config.delay().toMillis() > 0) {
            return 1;
        }
        BaseRobotRules r = host.robots.rules();
        boolean crawlDelay = r.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && r.getCrawlDelay() > 0;
        return crawlDelay ? 1 : config.concurrency();
    }

    private void release(Host host, long delay) {
        synchronized (lock) {
            host.active--;
            host.nextAt = Math.max(host.nextAt, System.currentTimeMillis() + delay);
            lock.notifyAll();
        }
    }

    /** A link's URL, normalised, with the parts the store files it by. */
    private record Normalized(String url, String authority, String pathKey) {
    }

    /** A followable link of a page, its target normalised. */
    private record Outlink(Normalized target, String anchor) {
    }

    /** The link's URL normalised, or null if it can't be crawled at all (not http, malformed). */
    private Normalized normalized(String raw) {
        String url = rules.normalize(raw);
        return url == null ? null : new Normalized(url, UrlRules.authority(url), UrlRules.pathKey(url));
    }

    /** What becomes of a link found at {@code depth}: known already, to crawl, or skipped (and counted). */
    private CrawlStore.NewLink classify(Normalized target, int depth, String anchor) {
        String url = target.url();
        String authority = target.authority();
        String pathKey = target.pathKey();
        long knownId = store.knownId(url);
        if (knownId != 0) {
            return new CrawlStore.NewLink(url, authority, pathKey, depth, anchor, knownId, null, null);
        }
        UrlRules.Skip skip = rules.check(url, depth);
        if (skip == null && pathKey != null && store.queryVariants(pathKey) >= config.maxQueryVariants()) {
            skip = new UrlRules.Skip(SkipReason.TRAP, "more than " + config.maxQueryVariants() + " query variants of "
                    + pathKey);
        }
        if (skip != null) {
            countSkip(skip.reason());
        }
        return new CrawlStore.NewLink(url, authority, pathKey, depth, anchor, 0,
                skip == null ? null : skip.reason(), skip == null ? null : skip.detail());
    }

    private static List<CrawlStore.NewLink> dedupe(List<CrawlStore.NewLink> links) {
        Map<String, CrawlStore.NewLink> unique = new java.util.LinkedHashMap<>();
        for (CrawlStore.NewLink l : links) {
            unique.putIfAbsent(l.url(), l);
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * Starts a commit of the sink in the background when one is due and none is running. The next one is due
     * {@code checkpointInterval} after this one ends, or later if commits get slow (an index commit grows with
     * the index), so committing takes at most about a fifth of the crawl's time, yet never waits more than a
     * minute (or the interval, if longer).
     */
    private void maybeCheckpoint(long now) {
        if (!(sink instanceof CheckpointingSink) || now < nextCheckpoint
                || (commitRunning != null && !commitRunning.isDone())) {
            return;
        }
        commitRunning = committer.submit(() -> {
            long start = System.currentTimeMillis();
            try {
                checkpoint();
            } catch (RuntimeException e) {
                LOG.error("periodic commit of the index failed", e);
                synchronized (lock) {
                    if (workerFailure == null) {
                        workerFailure = e;
                    }
                    lock.notifyAll();
                }
            }
            long end = System.currentTimeMillis();
            long interval = config.checkpointInterval().toMillis();
            nextCheckpoint = end + Math.max(interval, Math.min(COMMIT_SPACING * (end - start), MAX_COMMIT_GAP_MS));
        });
    }

    private void awaitCommit() {
        if (commitRunning == null) {
            return;
        }
        try {
            commitRunning.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.debug("periodic commit failed", e.getCause());
        }
    }

    private void checkpoint() {
        if (sink instanceof CheckpointingSink cs) {
            long seq = store.maxPendingSeq();
            cs.commit();
            store.clearPending(seq);
        }
    }

    private void countSkip(SkipReason reason) {
        skipped.get(reason).incrementAndGet();
        if (FAILURES.contains(reason)) {
            failed.incrementAndGet();
        } else {
            skippedTotal.incrementAndGet();
        }
    }

    CrawlProgress progress() {
        long queued;
        int flying;
        synchronized (lock) {
            queued = buffer.size();
            flying = inFlight;
        }
        queued += store.countQueued();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        double seconds = elapsed.toNanos() / 1e9;
        return new CrawlProgress(fetched.get(), indexed.get(), queued, failed.get(), skippedTotal.get(), flying,
                seconds <= 0 ? 0 : fetched.get() / seconds, elapsed);
    }

    private CrawlSummary summary() {
        Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
        skipped.forEach((k, v) -> {
            if (v.get() > 0) {
                counts.put(k, v.get());
            }
        });
        return new CrawlSummary(fetched.get(), indexed.get(), unchanged.get(), deleted.get(), counts,
                Duration.ofNanos(System.nanoTime() - startNanos), stopRequested);
    }

    // ---------------------------------------------------------------- small helpers

    private static String hostKey(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    }

    /** {@link #hostKey(String)} of a queued URL, from its stored authority: no URI parsed per dispatch look. */
    private static String hostKey(CrawlStore.Entry entry) {
        String url = entry.url();
        return url.substring(0, url.indexOf("://") + 3) + entry.host();
    }

    private boolean robotsHeader(String header, String directive) {
        if (header.isEmpty()) {
            return false;
        }
        for (String part : header.split(",")) {
            String p = part.strip();
            int colon = p.indexOf(':');
            if (colon > 0) {
                String agent = p.substring(0, colon).strip();
                if (!agent.equals(config.robotsAgent()) && !agent.equals("robots")) {
                    continue;
                }
                p = p.substring(colon + 1);
            }
            if (p.contains(directive) || p.contains("none")) {
                return true;
            }
        }
        return false;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lastSegment(String url) {
        String path = URI.create(url).getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return url;
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(collapseSpaces(text).strip()
                    .getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** {@code text.replaceAll("\\s+", " ")} without the regex: runs of ASCII white space become one space. */
    static String collapseSpaces(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c) && (c != ' ' || i + 1 < n && isAsciiSpace(text.charAt(i + 1)))) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(' ');
                while (i + 1 < n && isAsciiSpace(text.charAt(i + 1))) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
