package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheFirstDelayUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1_000)).as("no overflow after many failures").isEqualTo(Duration.ofSeconds(30));
    }
}
