package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.chatda.search.SearchIndexException;
import io.chatda.suggest.QueryPolicy;
import io.chatda.suggest.Suggestion;
import io.chatda.testing.MovableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic suggestion rebuild: due by the injected clock, survives a failure, and keeps the query log bounded. */
class RebuildScheduleTest {

    private static final Duration PERIOD = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicBoolean failNext = new AtomicBoolean();

    /** Builds as the app does, except that an armed build fails the way an unreadable index does. */
    private final DictionaryBuilder builder = (index, queries, stopping) -> {
        builds.incrementAndGet();
        if (failNext.getAndSet(false)) {
            throw new SearchIndexException("index read failed: Input/output error", new IOException("EIO"));
        }
        return SuggestionSources.build(index, queries, stopping);
    };

    private DataDirectory importedData() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("deadlock.md"), "# 교착상태 피하기\n\n교착상태는 자원을 기다리며 멈춘 상태다.\n");
        DataDirectory data = new DataDirectory(dir.resolve("data")).create();
        try (Library library = Library.open(data)) {
            library.importPaths(List.of(docs), "", Map.of(), new PrintWriter(new StringWriter()));
        }
        return data;
    }

    private Library open(DataDirectory data) {
        RebuildSettings settings =
                new RebuildSettings(clock, PERIOD, Duration.ofMillis(5), Duration.ofSeconds(10), builder);
        return Library.open(data, QueryPolicy.personal(), settings);
    }

    @Test
    void aRebuildThatFailsIsLoggedCountedAndRunsAgainAtTheNextPeriod() throws IOException {
        DataDirectory data = importedData();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (LogCapture log = new LogCapture(BackgroundFailures.class);
                Library library = open(data)) {
            library.bindMetrics(registry);
            assertThat(builds).as("the saved dictionary was loaded").hasValue(0);
            library.search("교착상태 피하기", 1, 10);
            failNext.set(true);

            clock.advance(PERIOD);
            Await.until(
                    "the periodic rebuild ran and failed",
                    () -> library.backgroundFailures().count(BackgroundFailures.Task.SUGGEST_REBUILD) == 1);

            assertThat(builds).hasValue(1);
            assertThat(log.events()).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains("suggest-rebuild");
                assertThat(e.getThrowableProxy().getClassName()).isEqualTo(SearchIndexException.class.getName());
            });
            assertThat(registry.scrape()).contains("chatda_background_failures_total{task=\"suggest-rebuild\"} 1.0");

            clock.advance(PERIOD);
            Await.until("the next period's rebuild", () -> library.dictionariesBuilt() == 1);
            assertThat(builds).hasValue(2);
            assertThat(library.suggester().suggest("교착", 5))
                    .extracting(Suggestion::text)
                    .contains("교착상태 피하기");
        }
    }

    @Test
    void eachRebuildCompactsTheQueryLogSoItsFilesStayBoundedWhileServing() throws IOException {
        DataDirectory data = importedData();
        Path events = data.root().resolve("querylog").resolve("events.log");
        Path counts = data.root().resolve("querylog").resolve("counts.tsv");
        try (Library library = open(data)) {
            for (int i = 0; i < 20; i++) {
                library.search("교착상태 " + (i % 4), 1, 10);
            }
            Await.until("20 events in the file", () -> lines(events) == 20);

            clock.advance(PERIOD);
            Await.until("the rebuild", () -> library.dictionariesBuilt() == 1);
            Await.until("the events folded into the counts", () -> lines(events) == 0);
            assertThat(lines(counts)).isEqualTo(4);
        }
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
