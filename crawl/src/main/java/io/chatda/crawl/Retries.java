package io.chatda.crawl;

import java.time.Clock;
import java.time.Duration;

/**
 * Whether a URL whose fetch failed (429, 5xx, a timeout) is tried again, and when: its own back-off doubles with
 * each attempt, longer if the server's {@code Retry-After} asks for it, capped at a minute; the host backs off too.
 */
final class Retries {

    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final CrawlConfig config;
    private final CrawlStore store;
    private final HostScheduler scheduler;
    private final Clock clock;

    Retries(CrawlConfig config, CrawlStore store, HostScheduler scheduler, Clock clock) {
        this.config = config;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Backs the slot's host off and puts its URL back in the frontier for later; false if the URL has had its
     * retries (then the caller settles it).
     *
     * @param retryAfter the response's {@code Retry-After}, or null
     */
    boolean retry(HostScheduler.Slot slot, boolean wasFetched, int status, String retryAfter) {
        CrawlStore.Entry entry = slot.entry();
        long now = clock.millis();
        scheduler.backOff(slot, now);
        if (entry.attempts() >= config.maxRetries()) {
            return false;
        }
        store.retryLater(entry.id(), now + backoff(entry.attempts(), retryAfter).toMillis(), wasFetched, status);
        return true;
    }

    /** The wait before the next attempt of a URL tried {@code attempts} times before. */
    Duration backoff(int attempts, String retryAfter) {
        Duration own = min(config.retryBackoff().multipliedBy(1L << Math.min(20, attempts)), MAX_BACKOFF);
        if (retryAfter == null) {
            return own;
        }
        return RetryAfter.delay(retryAfter, clock)
                .map(asked -> min(asked, MAX_BACKOFF))
                .filter(asked -> asked.compareTo(own) > 0)
                .orElse(own);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
