package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QueryLog#stateHash()}: what a saved dictionary compares to tell whether the log changed. */
class QueryLogStateTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void theStateSurvivesARestartAndChangesWithEverySearchOrPick() {
        long empty;
        long afterSearches;
        try (QueryLog log = QueryLog.open(dir, Duration.ofDays(7), clock)) {
            empty = log.stateHash();
            log.recordSearch("검색엔진", 12);
            log.recordSearch("deadlock", 3);
            afterSearches = log.stateHash();
            assertThat(afterSearches).isNotEqualTo(empty);
        }
        try (QueryLog log = QueryLog.open(dir, Duration.ofDays(7), clock)) {
            assertThat(log.stateHash()).isEqualTo(afterSearches);
            log.recordSearch("검색엔진", 12);
            long again = log.stateHash();
            assertThat(again).as("the same query searched again counts more").isNotEqualTo(afterSearches);
            log.recordSearch("검색엔진", 0);
            assertThat(log.stateHash()).as("now it finds nothing").isNotEqualTo(again);
            long beforePick = log.stateHash();
            log.recordPick("deadlock");
            assertThat(log.stateHash()).isNotEqualTo(beforePick);
        }
    }
}
