package io.chatda.server;

import io.chatda.crawl.CrawlMode;
import java.util.List;

/**
 * A crawl asked for through {@code POST /api/admin/crawl}, validated: 1..100 absolute http(s) seed URLs.
 *
 * @param seeds    where to start
 * @param mode     start afresh, resume or refresh
 * @param maxPages at most this many pages (1..1,000,000)
 * @param maxDepth at most this many links from a seed (0..100)
 */
public record CrawlRequest(List<String> seeds, CrawlMode mode, int maxPages, int maxDepth) {

    public CrawlRequest {
        seeds = List.copyOf(seeds);
    }
}
