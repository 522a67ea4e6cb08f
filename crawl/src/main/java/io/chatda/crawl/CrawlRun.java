package io.chatda.crawl;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One past or running crawl, for {@code chatda status}.
 *
 * @param status  how the run ended, or that it is running
 * @param summary {@link CrawlSummary#format()} of the finished run, empty while running
 */
public record CrawlRun(
        long id,
        CrawlMode mode,
        List<String> seeds,
        Instant startedAt,
        Instant finishedAt,
        Status status,
        String summary) {

    /** How a run ended; stored as its {@link #label()} in the crawl store's {@code runs.status}. */
    public enum Status {
        RUNNING,
        DONE,
        STOPPED,
        FAILED,
        /** Its process died (e.g. {@code kill -9}), as the next run on the same store finds out. */
        INTERRUPTED;

        /** The lower-case name, as stored and as {@code chatda status} prints it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofLabel(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
