package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RebuildPeriodTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RebuildPeriod period = new RebuildPeriod(clock, Duration.ofMinutes(5));

    @Test
    void dueOnceAPeriodHasPassedOnTheClockThenAPeriodLater() {
        assertThat(period.due()).isFalse();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(period.due()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(period.due()).isTrue();
        assertThat(period.due()).as("counted from the check that found it due").isFalse();
        clock.advance(Duration.ofMinutes(4));
        assertThat(period.due()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(period.due()).isTrue();
    }

    @Test
    void aLongPauseMakesItDueOnceNotOncePerMissedPeriod() {
        clock.advance(Duration.ofHours(1));
        assertThat(period.due()).isTrue();
        assertThat(period.due()).isFalse();
    }
}
