package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatda.testing.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryLogTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void countsDecayWithTheHalfLife() {
        try (QueryLog log = QueryLog.open(dir, Duration.ofDays(7), clock)) {
            log.recordSearch("교착상태", 3);
            log.recordSearch("교착상태", 3);
            assertThat(log.count("교착상태")).isCloseTo(2.0, within(1e-9));
            clock.advance(Duration.ofDays(7));
            assertThat(log.count("교착상태")).isCloseTo(1.0, within(1e-9));
            log.recordSearch("교착상태", 3);
            assertThat(log.count("교착상태")).isCloseTo(2.0, within(1e-9));
            clock.advance(Duration.ofDays(14));
            assertThat(log.count("교착상태")).isCloseTo(0.5, within(1e-9));
        }
    }

    @Test
    void queriesThatFoundNothingAreNotSuggestedAndPicksCount() {
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock)) {
            log.recordSearch("zzqx", 0);
            log.recordSearch("Deadlock ", 12);
            log.recordPick("deadlock");
            log.recordPick("검색엔진");
            log.recordSearch("   ", 5);
            log.recordSearch("x".repeat(QueryLog.MAX_QUERY + 1), 5);
            assertThat(log.entries()).extracting(SuggestEntry::text).containsExactlyInAnyOrder("deadlock", "검색엔진");
            assertThat(log.count("deadlock")).isCloseTo(2.0, within(1e-9));
            log.recordSearch("deadlock", 0);
            assertThat(log.entries()).extracting(SuggestEntry::text).containsExactly("검색엔진");
        }
    }

    @Test
    void survivesARestartAndAKill() throws Exception {
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock)) {
            log.recordSearch("raft", 4);
        }
        QueryLog killed = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock);
        killed.recordSearch("raft", 4);
        killed.recordSearch("paxos", 2);
        // no close: as after kill -9, the appended events are all there is
        killed.flushed().join();
        assertThat(Files.readAllLines(dir.resolve("events.log"))).hasSize(2);
        try (QueryLog reopened = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock)) {
            assertThat(reopened.count("raft")).isCloseTo(2.0, within(1e-9));
            assertThat(reopened.count("paxos")).isCloseTo(1.0, within(1e-9));
        }
        assertThat(Files.readAllLines(dir.resolve("events.log"))).isEmpty();
    }

    @Test
    void forgottenQueriesAreDropped() {
        try (QueryLog log = QueryLog.open(dir, Duration.ofDays(1), clock)) {
            log.recordSearch("old", 1);
            clock.advance(Duration.ofDays(30));
            assertThat(log.entries()).isEmpty();
        }
    }

    @Test
    void theLogChangesTheRankingAfterARebuild() {
        List<SuggestEntry> titles = List.of(
                new SuggestEntry("검색엔진", 4, SuggestEntry.Kind.TITLE, "u:1"),
                new SuggestEntry("검색 결과 순위", 3, SuggestEntry.Kind.TITLE, "u:2"),
                new SuggestEntry("거미", 3, SuggestEntry.Kind.TITLE, "u:3"));
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock)) {
            Suggester before = CompletionIndex.build(titles);
            assertThat(before.suggest("검", 3)).extracting(Suggestion::text).containsExactly("검색엔진", "검색 결과 순위", "거미");
            for (int i = 0; i < 5; i++) {
                log.recordSearch("거미줄", 7);
                log.recordSearch("검색 결과 순위", 7);
            }
            List<SuggestEntry> all = new ArrayList<>(titles);
            all.addAll(log.entries());
            Suggester after = CompletionIndex.build(all);
            assertThat(after.suggest("검", 4))
                    .extracting(Suggestion::text)
                    .containsExactly("검색 결과 순위", "거미줄", "검색엔진", "거미");
            assertThat(after.suggest("검", 4).get(0).kind()).isEqualTo(SuggestEntry.Kind.TITLE);
            assertThat(after.suggest("검", 4).get(1).kind()).isEqualTo(SuggestEntry.Kind.QUERY);
        }
    }
}
