package io.chatda.crawl;

/** Receives progress snapshots while a crawl runs (from a timer thread, about twice a second, and once at the end). */
@FunctionalInterface
public interface CrawlListener {

    /** A listener that ignores progress. */
    CrawlListener NONE = progress -> {};

    void onProgress(CrawlProgress progress);
}
