package io.chatda.crawl;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which claimed URL may be fetched now. Holds the URLs claimed from the frontier and each host's politeness
 * state (requests under way, when the next may start, back-off, robots rules, pages fetched) behind one lock,
 * under which nothing does I/O: callers claim from the store, fetch robots.txt and record outcomes outside it.
 * Times are epoch milliseconds from the caller's clock. The dispatcher waits here for a host to become free;
 * a released host wakes it.
 */
final class HostScheduler {

    /** Politeness state of one host (scheme and authority). */
    private static final class Host {
        /** Its robots.txt rules were read and its sitemaps handled (or are being handled). */
        boolean prepared;
        /** Requests to this host under way. */
        int active;

        long nextAt;
        long backoffMs;
        long fetches;
        RobotsCache.HostRules robots;
    }

    /** A URL taken for fetching with one of its host's request slots, held until released. */
    static final class Slot {
        private final CrawlStore.Entry entry;
        private final Host host;

        private Slot(CrawlStore.Entry entry, Host host) {
            this.entry = entry;
            this.host = host;
        }

        CrawlStore.Entry entry() {
            return entry;
        }
    }

    /** URLs claimed but not yet taken, and URLs taken whose work hasn't finished. */
    record Load(int buffered, int inFlight) {}

    private final CrawlConfig config;
    private final Object lock = new Object();
    /** Guarded by {@code lock}, like every {@link Host} in it. */
    private final Map<String, Host> hosts = new HashMap<>();
    /** Guarded by {@code lock}. */
    private final ArrayDeque<CrawlStore.Entry> buffer = new ArrayDeque<>();
    /** Slots taken whose work hasn't finished; guarded by {@code lock}. */
    private int inFlight;

    HostScheduler(CrawlConfig config) {
        this.config = config;
    }

    // ---------------------------------------------------------------- the dispatcher's side

    /** How many URLs to claim from the frontier now: none while enough are buffered. */
    int wanted() {
        synchronized (lock) {
            return buffer.size() < config.concurrency() * 8 ? config.concurrency() * 32 - buffer.size() : 0;
        }
    }

    void add(List<CrawlStore.Entry> claimed) {
        synchronized (lock) {
            buffer.addAll(claimed);
        }
    }

    /** Nothing buffered and nothing in flight: only the frontier can still hold work. */
    boolean drained() {
        synchronized (lock) {
            return buffer.isEmpty() && inFlight == 0;
        }
    }

    /** The first buffered URL whose host may take a request at {@code now}, its slot held; or null. */
    Slot poll(long now) {
        synchronized (lock) {
            for (Iterator<CrawlStore.Entry> it = buffer.iterator(); it.hasNext(); ) {
                CrawlStore.Entry e = it.next();
                Host h = hosts.computeIfAbsent(hostKey(e), k -> new Host());
                if (h.active < parallelLimit(h) && h.nextAt <= now) {
                    it.remove();
                    h.active++;
                    inFlight++;
                    return new Slot(e, h);
                }
            }
            return null;
        }
    }

    /** Waits, at most 100 ms, until a buffered URL's host may be free at {@code now}; at once if one is. */
    void awaitFree(long now) throws InterruptedException {
        synchronized (lock) {
            long earliest = Long.MAX_VALUE;
            for (CrawlStore.Entry e : buffer) {
                Host h = hosts.computeIfAbsent(hostKey(e), k -> new Host());
                if (h.active < parallelLimit(h)) {
                    earliest = Math.min(earliest, h.nextAt);
                }
            }
            if (earliest > now) {
                lock.wait(Math.max(1, Math.min(100, earliest == Long.MAX_VALUE ? 100 : earliest - now)));
            }
        }
    }

    /** True at once if nothing is in flight; else waits up to {@code millis} for a change and returns false. */
    boolean awaitIdle(long millis) throws InterruptedException {
        synchronized (lock) {
            if (inFlight == 0) {
                return true;
            }
            lock.wait(millis);
            return false;
        }
    }

    /** Waits until every slot taken has finished its work. */
    void awaitAllFinished() throws InterruptedException {
        synchronized (lock) {
            while (inFlight > 0) {
                lock.wait(100);
            }
        }
    }

    /** Waits {@code millis}, or less if something changes. */
    void pause(long millis) throws InterruptedException {
        synchronized (lock) {
            lock.wait(millis);
        }
    }

    /** Wakes the dispatcher (a stop, a failure). */
    void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    Load load() {
        synchronized (lock) {
            return new Load(buffer.size(), inFlight);
        }
    }

    // ---------------------------------------------------------------- the workers' side

    /** True for the one caller that is to prepare the slot's host (read its sitemaps, count its pages). */
    boolean startPreparing(Slot slot) {
        synchronized (lock) {
            boolean first = !slot.host.prepared;
            slot.host.prepared = true;
            return first;
        }
    }

    /** The host's prepared state: its pages fetched in this run before now. */
    void prepared(Slot slot, long fetchesBefore) {
        synchronized (lock) {
            slot.host.fetches = fetchesBefore;
        }
    }

    /** What robots.txt says for the slot's host now. */
    void robots(Slot slot, RobotsCache.HostRules rules) {
        synchronized (lock) {
            slot.host.robots = rules;
        }
    }

    /** Counts a page fetch against the per-host cap; false if the cap is reached. */
    boolean countFetch(Slot slot) {
        synchronized (lock) {
            if (slot.host.fetches >= config.maxPerHostPages()) {
                return false;
            }
            slot.host.fetches++;
            return true;
        }
    }

    /** The pause the host wants between two requests: its robots Crawl-delay (capped), else the configured delay. */
    long politeDelay(Slot slot) {
        synchronized (lock) {
            long crawlDelay = crawlDelay(slot.host);
            return crawlDelay > 0
                    ? Math.min(crawlDelay, config.maxCrawlDelay().toMillis())
                    : config.delay().toMillis();
        }
    }

    /** Frees the slot's request; the host takes no other before {@code notBefore}. */
    void release(Slot slot, long notBefore) {
        synchronized (lock) {
            slot.host.active--;
            slot.host.nextAt = Math.max(slot.host.nextAt, notBefore);
            lock.notifyAll();
        }
    }

    /** Frees the slot's request, unused: its URL was settled without a request. */
    void releaseUnused(Slot slot) {
        synchronized (lock) {
            slot.host.active--;
            lock.notifyAll();
        }
    }

    /** The slot's work has finished (its request released before). */
    void finished() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    /** The host answered 429/5xx or timed out: its back-off doubles (capped at a minute) from {@code now}. */
    void backOff(Slot slot, long now) {
        synchronized (lock) {
            Host h = slot.host;
            h.backoffMs = Math.min(
                    60_000, Math.max(h.backoffMs * 2, config.retryBackoff().toMillis()));
            h.nextAt = Math.max(h.nextAt, now + h.backoffMs);
        }
    }

    /** The host answered normally: no more back-off. */
    void recovered(Slot slot) {
        synchronized (lock) {
            slot.host.backoffMs = 0;
        }
    }

    // ---------------------------------------------------------------- under the lock

    /**
     * How many requests may go to this host at once: one (politeness), unless politeness is off (a delay of
     * zero and no robots.txt Crawl-delay) and the host is known and not backing off, when all workers may.
     */
    private int parallelLimit(Host host) {
        if (host.robots == null
                || host.robots.rules() == null
                || host.backoffMs > 0
                || config.delay().toMillis() > 0) {
            return 1;
        }
        return crawlDelay(host) > 0 ? 1 : config.concurrency();
    }

    /** The host's robots.txt Crawl-delay in milliseconds, or 0 if it sets none. */
    private static long crawlDelay(Host host) {
        BaseRobotRules r = host.robots == null ? null : host.robots.rules();
        if (r == null || r.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY || r.getCrawlDelay() <= 0) {
            return 0;
        }
        return r.getCrawlDelay();
    }

    // ---------------------------------------------------------------- host keys

    /** Scheme and lower-case authority of a URL: what politeness and robots.txt are kept per. */
    static String hostKey(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    }

    /** {@link #hostKey(String)} of a queued URL, from its stored authority: no URI parsed per dispatch look. */
    private static String hostKey(CrawlStore.Entry entry) {
        String url = entry.url();
        return url.substring(0, url.indexOf("://") + 3) + entry.host();
    }
}
