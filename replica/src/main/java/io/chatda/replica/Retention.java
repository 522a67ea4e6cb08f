package io.chatda.replica;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a publisher holds a snapshot after a newer one is published, so replicas still copying it don't lose its
 * files: the {@code keepPrevious} newest superseded snapshots are always held, older ones for {@code grace} after
 * they were superseded, and any snapshot while a file of it is being sent.
 */
public record Retention(int keepPrevious, Duration grace) {

    /** The previous two snapshots, and any superseded less than a minute ago. */
    public static final Retention DEFAULT = new Retention(2, Duration.ofMinutes(1));

    public Retention {
        Objects.requireNonNull(grace, "grace");
        if (keepPrevious < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("keepPrevious and grace must not be negative");
        }
    }
}
