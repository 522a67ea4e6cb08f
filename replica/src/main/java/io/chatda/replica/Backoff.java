package io.chatda.replica;

import java.time.Duration;

/** Delays between failed attempts: {@code first}, doubling up to {@code max}, back to {@code first} after a success. */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        requireValid(first, max);
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** @throws IllegalArgumentException unless 0 &lt; first &lt;= max */
    static void requireValid(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max");
        }
    }

    /** The delay after one more failure. */
    Duration failed() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    void succeeded() {
        next = first;
    }
}
