package io.chatda.crawl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wait a {@code Retry-After} header asks for (RFC 9110, section 10.2.3): a number of seconds, or an HTTP
 * date (IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}) counted from the clock's now.
 */
final class RetryAfter {

    private RetryAfter() {}

    /** The wait, never negative; empty if the value is neither form. */
    static Optional<Duration> delay(String value, Clock clock) {
        String v = value.strip();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE)); // more digits than a long: far away
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
