package io.chatda.server;

import java.util.List;

/**
 * A crawl asked for through {@code POST /api/admin/crawl}, validated: 1..100 absolute http(s) seed URLs.
 *
 * @param seeds    where to start
 * @param mode     start afresh, resume or refresh
 * @param maxPages at most this many pages (1..1,000,000)
 * @param maxDepth at most this many links from a seed (0..100)
 */
public record CrawlRequest(List<String> seeds, Mode mode, int maxPages, int maxDepth) {

    /** How the crawl treats what earlier crawls left; the app maps it to the crawler's own mode. */
    public enum Mode {
        /** Forget the previous frontier and start from the seeds. */
        START,
        /** Continue the last crawl where it stopped. */
        RESUME,
        /** Revalidate every page fetched before and follow new links. */
        REFRESH
    }

    public CrawlRequest {
        seeds = List.copyOf(seeds);
    }
}
