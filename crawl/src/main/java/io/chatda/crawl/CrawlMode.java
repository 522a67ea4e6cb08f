package io.chatda.crawl;

/** How a crawl treats the state left in the crawl store by earlier crawls. */
public enum CrawlMode {
    /** Forget the previous frontier and fetch state, start from the seeds. Job and run history is kept. */
    START,
    /** Continue the last crawl: pages already fetched are not fetched again, unfinished ones are. */
    RESUME,
    /**
     * Revalidate every page fetched before with If-None-Match / If-Modified-Since: unchanged pages are not
     * re-indexed, pages that answer 404 or 410 are deleted from the sink, new links are followed.
     */
    REFRESH
}
