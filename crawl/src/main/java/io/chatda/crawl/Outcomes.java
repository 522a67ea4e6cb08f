package io.chatda.crawl;

import java.util.List;

/**
 * Records what became of a URL: its outcome in the store, the sink told when an indexed page leaves the index
 * or a new one enters it, and the run's counters.
 */
final class Outcomes {

    private final CrawlStore store;
    private final DocumentSink sink;
    private final CrawlCounters counters;

    Outcomes(CrawlStore store, DocumentSink sink, CrawlCounters counters) {
        this.store = store;
        this.sink = sink;
        this.counters = counters;
    }

    /** Records that the URL won't be indexed; a page that was indexed leaves the sink if it's gone. */
    void settle(
            CrawlStore.Entry entry,
            SkipReason reason,
            String detail,
            int status,
            boolean wasFetched,
            String duplicateOf) {
        CrawlStore.Outcome outcome = CrawlStore.Outcome.skipped(reason, detail, status, wasFetched, duplicateOf);
        boolean gone = reason == SkipReason.NOT_FOUND
                || reason == SkipReason.CLIENT_ERROR
                || reason == SkipReason.ROBOTS
                || reason == SkipReason.REDIRECT;
        if (entry.indexed() && gone) {
            sink.delete(entry.url());
            counters.deleted();
            outcome = outcome.removedFromIndex();
        }
        store.complete(entry.id(), outcome, null);
        counters.skipped(reason);
    }

    /** A page read but not to be indexed (noindex, non-canonical, duplicate); out of the sink if it was in. */
    void drop(
            CrawlStore.Entry entry,
            boolean wasIndexed,
            SkipReason reason,
            String detail,
            String duplicateOf,
            CrawlStore.Outcome.Content content) {
        if (wasIndexed) {
            sink.delete(entry.url());
            counters.deleted();
        }
        store.complete(entry.id(), CrawlStore.Outcome.dropped(reason, detail, duplicateOf, content), null);
        counters.skipped(reason);
    }

    /** The intermediate URLs of a redirect chain are settled as redirects so they aren't fetched again. */
    void markRedirectHops(List<String> hops, CrawlStore.Entry entry) {
        for (int i = 1; i < hops.size() - 1; i++) {
            String hop = hops.get(i);
            long id = store.claimRedirectTarget(hop, UrlRules.authority(hop), UrlRules.pathKey(hop), entry.depth());
            if (id >= 0) {
                String next = hops.get(i + 1);
                store.complete(id, CrawlStore.Outcome.skipped(SkipReason.REDIRECT, "to " + next, 0, false, next), null);
                counters.skipped(SkipReason.REDIRECT);
            }
        }
    }

    /** An indexed page the server says is unchanged (304). */
    void notModified(CrawlStore.Entry entry, int status) {
        store.complete(entry.id(), CrawlStore.Outcome.notModified(status), null);
        counters.unchanged();
    }

    /** An indexed page read again with the same text. */
    void unchanged(CrawlStore.Entry entry, int status, CrawlStore.Outcome.Content content) {
        store.complete(entry.id(), CrawlStore.Outcome.unchanged(status, content), null);
        counters.unchanged();
    }

    /** Hands the page to the sink and records it; a checkpointing sink's document is kept until its commit. */
    void index(CrawlStore.Entry entry, int status, CrawlStore.Outcome.Content content, SourceDocument doc) {
        sink.accept(doc);
        store.complete(
                entry.id(),
                CrawlStore.Outcome.indexed(status, content),
                sink instanceof CheckpointingSink ? doc : null);
        counters.indexed();
    }
}
