package io.chatda.crawl;

import java.util.List;
import java.util.Locale;

/**
 * Admits URLs for fetching on the worker thread that will fetch them: reads the host's robots.txt (through
 * {@link RobotsCache}), prepares a host for its first page (its sitemaps, its page count), and applies robots
 * rules and the per-host cap. A host whose robots.txt or sitemaps are slow holds only the worker preparing it;
 * its slot in {@link HostScheduler} keeps its other URLs waiting meanwhile.
 */
final class HostPreparer {

    private final CrawlConfig config;
    private final CrawlStore store;
    private final UrlRules rules;
    private final HostScheduler scheduler;
    private final RobotsCache robots;
    private final SitemapReader sitemaps;
    private final LinkRecorder links;
    private final Outcomes outcomes;

    HostPreparer(
            CrawlConfig config,
            CrawlStore store,
            UrlRules rules,
            HostScheduler scheduler,
            RobotsCache robots,
            SitemapReader sitemaps,
            LinkRecorder links,
            Outcomes outcomes) {
        this.config = config;
        this.store = store;
        this.rules = rules;
        this.scheduler = scheduler;
        this.robots = robots;
        this.sitemaps = sitemaps;
        this.links = links;
        this.outcomes = outcomes;
    }

    /** True if the slot's URL may be fetched; else it was settled, or put back for later, here. */
    boolean admit(HostScheduler.Slot slot) throws InterruptedException {
        CrawlStore.Entry entry = slot.entry();
        RobotsCache.HostRules hostRules = robots.rules(entry.url());
        if (hostRules.rules() != null && scheduler.startPreparing(slot)) {
            scheduler.prepared(slot, store.countHostFetches(UrlRules.authority(entry.url())));
            if (config.useSitemaps()) {
                readSitemaps(entry.url(), hostRules);
            }
        }
        scheduler.robots(slot, hostRules);
        if (hostRules.unavailable()) {
            outcomes.settle(
                    entry,
                    SkipReason.ROBOTS_UNAVAILABLE,
                    "robots.txt keeps failing: " + hostRules.failure(),
                    0,
                    false,
                    null);
            return false;
        }
        if (hostRules.deferred()) {
            store.retryLater(entry.id(), hostRules.retryAt(), false, 0);
            return false;
        }
        if (!hostRules.rules().isAllowed(entry.url())) {
            outcomes.settle(entry, SkipReason.ROBOTS, null, 0, false, null);
            return false;
        }
        if (!scheduler.countFetch(slot)) {
            outcomes.settle(entry, SkipReason.HOST_CAP, null, 0, false, null);
            return false;
        }
        return true;
    }

    /** Why a redirect to {@code url} (normalised) found at {@code depth} may not be followed, or null. */
    UrlRules.Skip checkHop(String url, int depth) {
        CrawlStore.Known known = store.known(url);
        if (known != null && known.state() != UrlRecord.State.QUEUED) {
            return new UrlRules.Skip(
                    SkipReason.REDIRECT,
                    "target already " + known.state().name().toLowerCase(Locale.ROOT));
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

    /** Queues the pages of the host's sitemaps (named in robots.txt, else {@code /sitemap.xml}), once per host. */
    private void readSitemaps(String url, RobotsCache.HostRules hostRules) throws InterruptedException {
        String hostKey = HostScheduler.hostKey(url);
        CrawlStore.Robots stored = store.robots(hostKey);
        if (stored != null && stored.sitemapsDone()) {
            return;
        }
        List<String> named = robots.sitemaps(hostRules);
        links.recordSitemapPages(sitemaps.read(named.isEmpty() ? List.of(hostKey + "/sitemap.xml") : named));
        store.markSitemapsDone(hostKey);
    }
}
