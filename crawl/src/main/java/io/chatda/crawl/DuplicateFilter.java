package io.chatda.crawl;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds pages whose text is already indexed or being indexed: the same content hash (exact), or a SimHash
 * within the near-duplicate distance. A page found unique holds its hash until delivered, so two workers
 * reading the same text at once index it once.
 */
final class DuplicateFilter {

    /** Why a page isn't indexed and which page it repeats. */
    record Duplicate(SkipReason reason, String of) {}

    private final CrawlStore store;
    private final SimHash.Index nearDuplicates;
    /** Hashes of pages on their way to the sink; guarded by {@code this}. */
    private final Set<String> delivering = new HashSet<>();

    DuplicateFilter(CrawlStore store, CrawlConfig config) {
        this.store = store;
        this.nearDuplicates = new SimHash.Index(Math.min(3, config.nearDuplicateDistance()));
    }

    /** Learns the SimHash of every page indexed before this run. */
    void loadIndexed() {
        store.forEachSimhash(nearDuplicates::add);
    }

    /**
     * The page's duplicate, or null: then its hash is held until {@link #delivered}, and a page not indexed
     * before joins the near-duplicate index.
     */
    synchronized Duplicate check(CrawlStore.Entry entry, boolean wasIndexed, String hash, long simhash) {
        String of = store.indexedWithHash(hash, entry.id());
        if (of == null && delivering.contains(hash)) {
            of = "(being indexed)";
        }
        if (of != null) {
            return new Duplicate(SkipReason.DUPLICATE, of);
        }
        of = nearDuplicates.find(simhash, entry.url());
        if (of != null) {
            return new Duplicate(SkipReason.NEAR_DUPLICATE, of);
        }
        delivering.add(hash);
        if (!wasIndexed) {
            nearDuplicates.add(simhash, entry.url());
        }
        return null;
    }

    /** The page with this hash reached the sink (or failed to): others may repeat it now. */
    synchronized void delivered(String hash) {
        delivering.remove(hash);
    }
}
