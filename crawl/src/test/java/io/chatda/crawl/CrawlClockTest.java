package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Politeness delays and back-off are reckoned by the crawler's clock: a test moves it instead of waiting. */
class CrawlClockTest {

    @TempDir
    Path dir;

    /** A clock ten minutes further on at every reading. */
    static final class SteppingClock extends Clock {
        private final AtomicLong millis =
                new AtomicLong(Instant.parse("2024-03-01T12:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.addAndGet(Duration.ofMinutes(10).toMillis()));
        }
    }

    @Test
    void anHourBetweenRequestsAndAServerBusyForHalfAnHourPassOnTheCrawlersClock() throws Exception {
        Clock clock = new SteppingClock();
        try (TestSite site = new TestSite();
                CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            site.page("/", "Home", "/a", "/busy");
            site.page("/a", "Page A");
            AtomicInteger busyRequests = new AtomicInteger();
            site.on("/busy", ex -> {
                if (busyRequests.incrementAndGet() == 1) {
                    ex.getResponseHeaders()
                            .set(
                                    "Retry-After",
                                    DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant()
                                            .plus(Duration.ofMinutes(30))
                                            .atZone(ZoneOffset.UTC)));
                    TestSite.send(ex, 503, "text/html", "busy");
                } else {
                    TestSite.send(ex, 200, "text/html", TestSite.pageHtml("Busy", TestSite.text("/busy", 120), ""));
                }
            });
            CrawlConfig config = CrawlConfig.builder(List.of(site.url("/")))
                    .allowPrivate(true)
                    .delay(Duration.ofHours(1))
                    .retryBackoff(Duration.ofMinutes(20))
                    .useSitemaps(false)
                    .build();
            CrawlerAcceptanceTest.RecordingSink sink = new CrawlerAcceptanceTest.RecordingSink();

            CrawlSummary summary = assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> new Crawler(store, new HtmlExtractor(), clock).run(config, sink, CrawlListener.NONE),
                    "hours of politeness on the system clock");

            assertThat(TestSite.paths(
                            site,
                            sink.accepted.stream().map(SourceDocument::url).toList()))
                    .containsExactlyInAnyOrder("/", "/a", "/busy");
            assertThat(summary.indexed()).isEqualTo(3);
            assertThat(store.url(site.url("/busy")).orElseThrow().fetchCount()).isEqualTo(2);
        }
    }
}
