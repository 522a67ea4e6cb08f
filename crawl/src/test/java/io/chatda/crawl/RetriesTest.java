package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retry-After in seconds or as an HTTP date, against a fixed clock; the URL's own back-off and the cap. */
class RetriesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterIsSecondsOrAnImfFixdateFromTheClock() {
        assertThat(RetryAfter.delay("120", CLOCK)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.delay(" 0 ", CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.delay("Fri, 01 Mar 2024 12:00:30 GMT", CLOCK)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.delay("Fri, 01 Mar 2024 11:59:00 GMT", CLOCK))
                .as("past")
                .contains(Duration.ZERO);
        assertThat(RetryAfter.delay("99999999999999999999999", CLOCK))
                .get()
                .satisfies(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
        assertThat(RetryAfter.delay("soon", CLOCK)).isEmpty();
        assertThat(RetryAfter.delay("-5", CLOCK)).isEmpty();
        assertThat(RetryAfter.delay("", CLOCK)).isEmpty();
    }

    @Test
    void backoffDoublesPerAttemptAndAskedForWaitsWinUpToAMinute() {
        Retries retries = new Retries(
                CrawlConfig.builder(java.util.List.of("http://example.com/"))
                        .retryBackoff(Duration.ofSeconds(2))
                        .build(),
                null,
                null,
                CLOCK);

        assertThat(retries.backoff(0, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.backoff(2, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retries.backoff(10, null)).isEqualTo(Retries.MAX_BACKOFF);
        assertThat(retries.backoff(0, "30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(retries.backoff(0, "Fri, 01 Mar 2024 12:00:45 GMT")).isEqualTo(Duration.ofSeconds(45));
        assertThat(retries.backoff(0, "Fri, 01 Mar 2024 13:00:00 GMT")).isEqualTo(Retries.MAX_BACKOFF);
        assertThat(retries.backoff(2, "1")).as("shorter than our own").isEqualTo(Duration.ofSeconds(8));
        assertThat(retries.backoff(0, "whenever")).isEqualTo(Duration.ofSeconds(2));
    }
}
