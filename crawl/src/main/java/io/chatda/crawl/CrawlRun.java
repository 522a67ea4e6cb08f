package io.chatda.crawl;

import java.time.Instant;
import java.util.List;

/**
 * One past or running crawl, for {@code chatda status}.
 *
 * @param status  {@code running}, {@code done}, {@code stopped}, {@code failed}, or {@code interrupted}: its
 *                process died (e.g. {@code kill -9}), as the next run on the same store finds out
 * @param summary {@link CrawlSummary#format()} of the finished run, empty while running
 */
public record CrawlRun(
        long id,
        CrawlMode mode,
        List<String> seeds,
        Instant startedAt,
        Instant finishedAt,
        String status,
        String summary) {}
