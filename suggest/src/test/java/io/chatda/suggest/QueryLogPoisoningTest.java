package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatda.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 3: one client's spam searches don't become everyone's suggestion. */
class QueryLogPoisoningTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T10:00:00Z"));

    private static final List<SuggestEntry> TITLES = List.of(
            new SuggestEntry("검색엔진", 4, SuggestEntry.Kind.TITLE, "u:1"),
            new SuggestEntry("검색 결과 순위", 3, SuggestEntry.Kind.TITLE, "u:2"));

    private List<String> suggestions(QueryLog log, String prefix) {
        List<SuggestEntry> all = new ArrayList<>(TITLES);
        all.addAll(log.entries());
        return CompletionIndex.build(all).suggest(prefix, 5).stream()
                .map(Suggestion::text)
                .toList();
    }

    @Test
    void fortySpamSearchesFromOneClientSuggestNothing() {
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock, QueryPolicy.shared(null))) {
            for (int i = 0; i < 40; i++) {
                log.recordSearch("검색 cheap pills casino", 10, "203.0.113.7");
            }
            log.recordSearch("검색 once", 3, "198.51.100.1");
            assertThat(suggestions(log, "검색")).containsExactly("검색엔진", "검색 결과 순위");
        }
    }

    @Test
    void aQueryEntersWithEnoughDistinctClientsAndOneClientsShareIsCapped() {
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock, QueryPolicy.shared(null))) {
            for (int i = 0; i < 40; i++) {
                log.recordSearch("검색 spam", 10, "203.0.113.7");
            }
            for (String client : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")) {
                log.recordSearch("검색 팁", 10, client);
            }
            log.recordSearch("검색 spam", 10, "10.0.0.1");
            log.recordSearch("검색 spam", 10, "10.0.0.2");
            List<SuggestEntry> entries = log.entries();
            assertThat(entries).extracting(SuggestEntry::text).containsExactlyInAnyOrder("검색 팁", "검색 spam");
            // 40 searches from one client weigh no more than the per-client cap
            assertThat(log.count("검색 spam"))
                    .isCloseTo(QueryPolicy.shared(null).maxPerClientPerDay() + 2.0, within(1e-9));
        }
    }

    @Test
    void theDistinctClientCountSurvivesARestartButNoClientAddressIsStored() throws Exception {
        QueryPolicy policy = QueryPolicy.shared(null);
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock, policy)) {
            log.recordSearch("raft consensus", 5, "192.0.2.55");
            log.recordSearch("raft consensus", 5, "192.0.2.66");
        }
        QueryLog killed = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock, policy);
        killed.recordSearch("raft consensus", 5, "192.0.2.55"); // the same client again: not a third
        assertThat(killed.entries()).isEmpty();
        killed.recordSearch("raft consensus", 5, "192.0.2.77");
        assertThat(killed.entries()).extracting(SuggestEntry::text).containsExactly("raft consensus");
        for (Path file : List.of(dir.resolve("events.log"), dir.resolve("counts.tsv"))) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("192.0.2");
        }
    }

    @Test
    void theSaltChangesDailySoTheSameClientCountsAgainTomorrow() {
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock, new QueryPolicy(2, 3, null))) {
            log.recordSearch("raft", 5, "192.0.2.55");
            log.recordSearch("raft", 5, "192.0.2.55");
            assertThat(log.entries()).isEmpty();
            clock.advance(Duration.ofDays(1));
            log.recordSearch("raft", 5, "192.0.2.55");
            assertThat(log.entries()).extracting(SuggestEntry::text).containsExactly("raft");
        }
    }

    @Test
    void theOperatorsBlocklistRemovesQueriesContainingAPhrase() throws Exception {
        Path blocklist = dir.resolve("blocklist.txt");
        Files.writeString(blocklist, "# spam\nCasino\n", StandardCharsets.UTF_8);
        try (QueryLog log = QueryLog.open(
                dir.resolve("log"), QueryLog.DEFAULT_HALF_LIFE, clock, new QueryPolicy(1, 3, blocklist))) {
            log.recordSearch("검색 casino bonus", 10, "a");
            log.recordSearch("검색 팁", 10, "a");
            long before = log.stateHash();
            assertThat(log.entries()).extracting(SuggestEntry::text).containsExactly("검색 팁");
            Files.writeString(blocklist, "팁\n", StandardCharsets.UTF_8);
            assertThat(log.entries()).extracting(SuggestEntry::text).containsExactly("검색 casino bonus");
            assertThat(log.stateHash()).isNotEqualTo(before); // a saved dictionary is rebuilt
        }
    }

    @Test
    void aPersonalInstanceSuggestsWhatItsOneUserSearched() {
        try (QueryLog log = QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock, QueryPolicy.personal())) {
            log.recordSearch("검색 팁", 10);
            assertThat(suggestions(log, "검색")).contains("검색 팁");
        }
    }
}
