package io.chatda.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, for code that takes its time from an injected {@link Clock}
 * (politeness delays, cache lifetimes, rebuild periods, token buckets). Safe to read from background threads.
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** This clock as a nanosecond source, for code that takes one instead of a {@link Clock}. */
    public long nanos() {
        Instant t = now;
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
