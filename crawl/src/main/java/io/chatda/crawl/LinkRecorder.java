package io.chatda.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files the links of a page, or of a host's sitemaps, in the frontier. Normalising a link is its finder's own
 * work; classifying the targets against the store (known, to crawl, or skipped and counted) and storing them
 * run under one lock, so a URL two pages link to at once is classified and counted once.
 */
final class LinkRecorder {

    /** The link source id of URLs found in sitemaps (no page has id 0). */
    private static final long SITEMAP_SOURCE = 0;

    /** A link's URL, normalised, with the parts the store files it by. */
    record Target(String url, String authority, String pathKey) {}

    /** A link to follow: its normalised target, the depth the target would be crawled at, and its text. */
    record Outlink(Target target, int depth, String anchor) {}

    private final CrawlConfig config;
    private final CrawlStore store;
    private final UrlRules rules;
    private final CrawlCounters counters;
    private final Object lock = new Object();

    LinkRecorder(CrawlConfig config, CrawlStore store, UrlRules rules, CrawlCounters counters) {
        this.config = config;
        this.store = store;
        this.rules = rules;
        this.counters = counters;
    }

    /** The link's URL normalised, or null if it can't be crawled at all (not http, malformed). */
    Target normalized(String raw) {
        String url = rules.normalize(raw);
        return url == null ? null : new Target(url, UrlRules.authority(url), UrlRules.pathKey(url));
    }

    /** Stores the links of page {@code sourceId}, queueing or skipping the targets not known yet. */
    void record(long sourceId, List<Outlink> links) {
        if (links.isEmpty()) {
            return;
        }
        synchronized (lock) {
            Map<String, CrawlStore.NewLink> unique = new LinkedHashMap<>();
            for (Outlink o : links) {
                if (!unique.containsKey(o.target().url())) {
                    unique.put(o.target().url(), classify(o));
                }
            }
            store.addLinks(sourceId, new ArrayList<>(unique.values()));
        }
    }

    /** Stores the page URLs a host's sitemaps list, as links from no page, at depth 1. */
    void recordSitemapPages(List<String> pages) {
        List<Outlink> links = new ArrayList<>();
        for (String page : pages) {
            Target target = normalized(page);
            if (target != null) {
                links.add(new Outlink(target, 1, ""));
            }
        }
        record(SITEMAP_SOURCE, links);
    }

    /** What becomes of a link: known already, to crawl, or skipped (and counted). */
    private CrawlStore.NewLink classify(Outlink link) {
        Target target = link.target();
        long knownId = store.knownId(target.url());
        if (knownId != 0) {
            return new CrawlStore.NewLink(
                    target.url(),
                    target.authority(),
                    target.pathKey(),
                    link.depth(),
                    link.anchor(),
                    knownId,
                    null,
                    null);
        }
        UrlRules.Skip skip = rules.check(target.url(), link.depth());
        if (skip == null
                && target.pathKey() != null
                && store.queryVariants(target.pathKey()) >= config.maxQueryVariants()) {
            skip = new UrlRules.Skip(
                    SkipReason.TRAP,
                    "more than " + config.maxQueryVariants() + " query variants of " + target.pathKey());
        }
        if (skip != null) {
            counters.skipped(skip.reason());
        }
        return new CrawlStore.NewLink(
                target.url(),
                target.authority(),
                target.pathKey(),
                link.depth(),
                link.anchor(),
                0,
                skip == null ? null : skip.reason(),
                skip == null ? null : skip.detail());
    }
}
