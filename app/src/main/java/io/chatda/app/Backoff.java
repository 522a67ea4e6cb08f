package io.chatda.app;

import java.time.Duration;

/**
 * How long background work waits after failures in a row before it tries again: {@code first}, doubling with
 * each further failure, never more than {@code max}.
 */
record Backoff(Duration first, Duration max) {

    /** The crawl worker's: 1 s, 2 s, 4 s, ... up to a minute. */
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    /** The wait after {@code failures} (at least 1) failures in a row. */
    Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 62);
        long millis = first.toMillis();
        return millis > max.toMillis() >> doublings ? max : Duration.ofMillis(millis << doublings);
    }
}
