package io.chatda.crawl;

import java.time.Duration;

/**
 * A snapshot of a running crawl, for a progress bar or a status route.
 *
 * @param fetched        pages fetched in this run (every HTTP fetch of a page, whatever its outcome)
 * @param indexed        pages delivered to the sink in this run
 * @param queued         URLs waiting in the frontier
 * @param failed         fetches that ended in an error (timeouts, 5xx, refused addresses, ...)
 * @param skipped        URLs skipped for any other reason (robots, duplicates, traps, ...)
 * @param inFlight       fetches under way
 * @param pagesPerSecond fetched pages per second since the run started
 * @param elapsed        time since the run started
 */
public record CrawlProgress(
        long fetched,
        long indexed,
        long queued,
        long failed,
        long skipped,
        int inFlight,
        double pagesPerSecond,
        Duration elapsed) {}
