package io.chatda.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of a fetched URL, on the worker that fetched it: answers other than 200 retried or settled,
 * redirects recorded, then the page read, its links filed in the frontier, and the page checked (robots
 * directives, canonical, unchanged, duplicates) and delivered to the sink.
 */
final class PagePipeline {

    private final CrawlStore store;
    private final HostScheduler scheduler;
    private final Retries retries;
    private final PageReader reader;
    private final LinkRecorder links;
    private final DuplicateFilter duplicates;
    private final Outcomes outcomes;

    PagePipeline(
            CrawlStore store,
            HostScheduler scheduler,
            Retries retries,
            PageReader reader,
            LinkRecorder links,
            DuplicateFilter duplicates,
            Outcomes outcomes) {
        this.store = store;
        this.scheduler = scheduler;
        this.retries = retries;
        this.reader = reader;
        this.links = links;
        this.duplicates = duplicates;
        this.outcomes = outcomes;
    }

    /** A fetch that got no usable response: retried later if it may be passing trouble, else settled. */
    void failed(HostScheduler.Slot slot, Fetcher.FetchException e) {
        CrawlStore.Entry entry = slot.entry();
        if ((e.reason == SkipReason.TIMEOUT || e.reason == SkipReason.FETCH_ERROR)
                && retries.retry(slot, true, 0, null)) {
            return;
        }
        outcomes.markRedirectHops(e.hops, entry);
        outcomes.settle(
                entry, e.reason, e.getMessage(), 0, true, e.hops.size() > 1 ? e.hops.get(e.hops.size() - 1) : null);
    }

    /** A response: its status decides; a 200 after redirects is processed as its final URL. */
    void handle(HostScheduler.Slot slot, Fetcher.Response r) {
        CrawlStore.Entry entry = slot.entry();
        int status = r.status();
        if (status == 429 || status >= 500) {
            if (!retries.retry(
                    slot, true, status, r.headers().firstValue("retry-after").orElse(null))) {
                outcomes.settle(entry, SkipReason.SERVER_ERROR, "HTTP " + status, status, true, null);
            }
            return;
        }
        scheduler.recovered(slot);
        if (status == 304) {
            outcomes.notModified(entry, status);
        } else if (status == 404 || status == 410) {
            outcomes.settle(entry, SkipReason.NOT_FOUND, "HTTP " + status, status, true, null);
        } else if (status >= 300) {
            outcomes.settle(
                    entry,
                    status < 400 ? SkipReason.FETCH_ERROR : SkipReason.CLIENT_ERROR,
                    "HTTP " + status,
                    status,
                    true,
                    null);
        } else if (r.url().equals(entry.url())) {
            process(entry, entry.indexed(), r);
        } else {
            redirected(entry, r);
        }
    }

    /** The URL redirected: settled as a redirect, and its target processed unless it's taken already. */
    private void redirected(CrawlStore.Entry entry, Fetcher.Response r) {
        outcomes.markRedirectHops(r.hops(), entry);
        long id = store.claimRedirectTarget(
                r.url(), UrlRules.authority(r.url()), UrlRules.pathKey(r.url()), entry.depth());
        outcomes.settle(entry, SkipReason.REDIRECT, "to " + r.url(), r.status(), true, r.url());
        if (id >= 0) {
            process(
                    new CrawlStore.Entry(
                            id, r.url(), UrlRules.authority(r.url()), entry.depth(), 0, null, null, false, null),
                    false,
                    r);
        }
    }

    private void process(CrawlStore.Entry entry, boolean wasIndexed, Fetcher.Response r) {
        String url = entry.url();
        PageReader.Page page = reader.read(url, r);
        CrawlStore.Outcome.Content content = new CrawlStore.Outcome.Content(
                ContentHash.of(page.title() + "\n" + page.body()), SimHash.of(page.title() + " " + page.body()),
                r.headers().firstValue("etag").orElse(null),
                        r.headers().firstValue("last-modified").orElse(null));
        recordLinks(entry, page);
        String canonical = page.canonical();
        if (page.robots().noindex()) {
            outcomes.drop(entry, wasIndexed, SkipReason.NOINDEX, null, null, content);
        } else if (canonical != null && !canonical.equals(url)) {
            outcomes.drop(entry, wasIndexed, SkipReason.NON_CANONICAL, "canonical " + canonical, canonical, content);
        } else if (wasIndexed && content.hash().equals(entry.contentHash())) {
            outcomes.unchanged(entry, r.status(), content);
        } else {
            deliver(entry, wasIndexed, r.status(), page, content);
        }
    }

    /** Files the page's followable links (none if nofollow) and its canonical URL in the frontier. */
    private void recordLinks(CrawlStore.Entry entry, PageReader.Page page) {
        List<LinkRecorder.Outlink> outlinks = new ArrayList<>();
        for (SourceDocument.Link l : page.robots().nofollow() ? List.<SourceDocument.Link>of() : page.followable()) {
            LinkRecorder.Target target = links.normalized(l.url());
            if (target != null) {
                outlinks.add(new LinkRecorder.Outlink(target, entry.depth() + 1, l.anchorText()));
            }
        }
        String canonical = page.canonical();
        LinkRecorder.Target canonicalTarget =
                canonical != null && !canonical.equals(entry.url()) ? links.normalized(canonical) : null;
        if (canonicalTarget != null) {
            outlinks.add(new LinkRecorder.Outlink(canonicalTarget, entry.depth(), ""));
        }
        links.record(entry.id(), outlinks);
    }

    /** Indexes the page unless it repeats one indexed or being indexed. */
    private void deliver(
            CrawlStore.Entry entry,
            boolean wasIndexed,
            int status,
            PageReader.Page page,
            CrawlStore.Outcome.Content content) {
        DuplicateFilter.Duplicate duplicate = duplicates.check(entry, wasIndexed, content.hash(), content.simhash());
        if (duplicate != null) {
            outcomes.drop(entry, wasIndexed, duplicate.reason(), null, duplicate.of(), content);
            return;
        }
        try {
            outcomes.index(
                    entry,
                    status,
                    content,
                    new SourceDocument(
                            entry.url(),
                            page.title(),
                            page.headings(),
                            page.body(),
                            page.links(),
                            page.language(),
                            URI.create(entry.url()).getHost(),
                            page.html()));
        } finally {
            duplicates.delivered(content.hash());
        }
    }
}
