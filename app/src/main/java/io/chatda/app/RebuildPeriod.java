package io.chatda.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides by an injected clock whether a periodic rebuild is due: once a period has passed since the last time it
 * was (or since the start). A long pause makes it due once, not once per missed period.
 */
final class RebuildPeriod {

    private final Clock clock;
    private final Duration period;
    private Instant next;

    RebuildPeriod(Clock clock, Duration period) {
        this.clock = clock;
        this.period = period;
        this.next = clock.instant().plus(period);
    }

    /** True if a period has passed; the next is then due a period from now. */
    synchronized boolean due() {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return false;
        }
        next = now.plus(period);
        return true;
    }
}
