package io.chatda.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a crawl run did.
 *
 * @param fetched        pages fetched (HTTP requests for pages, robots.txt and sitemaps not counted)
 * @param indexed        pages delivered to the sink
 * @param unchanged      pages revalidated as unchanged (304 or same content) in refresh mode
 * @param deleted        pages removed from the sink because they are gone (404/410 in refresh mode)
 * @param skipped        count of each reason for not indexing a URL
 * @param elapsed        wall time of the run
 * @param stopped        true if the run was stopped before the frontier was empty or max pages reached
 */
public record CrawlSummary(
        long fetched,
        long indexed,
        long unchanged,
        long deleted,
        Map<SkipReason, Long> skipped,
        Duration elapsed,
        boolean stopped) {

    public CrawlSummary {
        skipped = Map.copyOf(skipped);
    }

    /** Fetched pages per second. */
    public double pagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : fetched / seconds;
    }

    /** Skips of this reason. */
    public long skipped(SkipReason reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    /** One line for logs and {@code chatda status}: counts, rate and skip reasons. */
    public String format() {
        String reasons = new java.util.TreeMap<>(skipped)
                .entrySet().stream()
                        .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + "=" + e.getValue())
                        .collect(Collectors.joining(" "));
        return String.format(
                java.util.Locale.ROOT,
                "fetched=%d indexed=%d unchanged=%d deleted=%d pages/s=%.1f elapsed=%.1fs%s%s",
                fetched,
                indexed,
                unchanged,
                deleted,
                pagesPerSecond(),
                elapsed.toMillis() / 1000.0,
                stopped ? " stopped" : "",
                reasons.isEmpty() ? "" : " skipped: " + reasons);
    }
}
