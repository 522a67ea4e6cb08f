package io.chatda.crawl;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** What a crawl run has done so far, counted from every thread: the figures of its progress and summary. */
final class CrawlCounters {

    /** Skip reasons that count as failures in the progress, not as skips. */
    private static final Set<SkipReason> FAILURES = Set.of(
            SkipReason.SERVER_ERROR,
            SkipReason.TIMEOUT,
            SkipReason.FETCH_ERROR,
            SkipReason.CLIENT_ERROR,
            SkipReason.ROBOTS_UNAVAILABLE);

    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skippedTotal = new AtomicLong();
    private final Map<SkipReason, AtomicLong> skipped = new EnumMap<>(SkipReason.class);

    CrawlCounters() {
        for (SkipReason r : SkipReason.values()) {
            skipped.put(r, new AtomicLong());
        }
    }

    void fetched() {
        fetched.incrementAndGet();
    }

    void indexed() {
        indexed.incrementAndGet();
    }

    void unchanged() {
        unchanged.incrementAndGet();
    }

    void deleted() {
        deleted.incrementAndGet();
    }

    void skipped(SkipReason reason) {
        skipped.get(reason).incrementAndGet();
        if (FAILURES.contains(reason)) {
            failed.incrementAndGet();
        } else {
            skippedTotal.incrementAndGet();
        }
    }

    CrawlProgress progress(long queued, int inFlight, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        return new CrawlProgress(
                fetched.get(),
                indexed.get(),
                queued,
                failed.get(),
                skippedTotal.get(),
                inFlight,
                seconds <= 0 ? 0 : fetched.get() / seconds,
                elapsed);
    }

    CrawlSummary summary(Duration elapsed, boolean stopped) {
        Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
        skipped.forEach((k, v) -> {
            if (v.get() > 0) {
                counts.put(k, v.get());
            }
        });
        return new CrawlSummary(fetched.get(), indexed.get(), unchanged.get(), deleted.get(), counts, elapsed, stopped);
    }
}
