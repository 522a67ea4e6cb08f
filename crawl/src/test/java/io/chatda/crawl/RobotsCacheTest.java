package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** robots.txt is kept for a day and retried with back-off, both by the injected clock. */
class RobotsCacheTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2024-05-01T00:00:00Z"));
    private TestSite site;
    private CrawlStore store;
    private CrawlConfig config;
    private Fetcher fetcher;

    @BeforeEach
    void open() throws Exception {
        site = new TestSite();
        store = CrawlStore.open(dir.resolve("crawl.db"));
        config = CrawlConfig.builder(List.of(site.url("/")))
                .allowPrivate(true)
                .maxRetries(2)
                .retryBackoff(Duration.ofSeconds(2))
                .build();
        fetcher = new Fetcher(new AddressGuard(true, Set.of()), new UrlRules(config), config);
    }

    @AfterEach
    void close() {
        fetcher.close();
        store.close();
        site.close();
    }

    private RobotsCache cache() {
        return new RobotsCache(store, fetcher, config, clock);
    }

    @Test
    void robotsTxtIsKeptInTheStoreForADay() throws Exception {
        site.on("/robots.txt", ex -> TestSite.send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
        RobotsCache.HostRules first = cache().rules(site.url("/a"));
        assertThat(first.rules().isAllowed(site.url("/private/x"))).isFalse();
        assertThat(store.robots(hostKey()).fetchedAt()).isEqualTo(clock.millis());

        clock.advance(RobotsCache.TTL.minusSeconds(1));
        RobotsCache.HostRules stored = cache().rules(site.url("/b")); // a new crawl: nothing in memory
        assertThat(stored.rules().isAllowed(site.url("/private/x"))).isFalse();
        assertThat(site.hits("/robots.txt")).as("read from the store").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        site.on("/robots.txt", ex -> TestSite.send(ex, 200, "text/plain", "User-agent: *\nAllow: /\n"));
        RobotsCache.HostRules fresh = cache().rules(site.url("/c"));
        assertThat(site.hits("/robots.txt")).as("a day old: fetched again").isEqualTo(2);
        assertThat(fresh.rules().isAllowed(site.url("/private/x"))).isTrue();
        assertThat(store.robots(hostKey()).fetchedAt()).isEqualTo(clock.millis());
    }

    @Test
    void aFailingRobotsTxtIsAskedForAgainAfterItsBackOffThenGivenUp() throws Exception {
        AtomicInteger status = new AtomicInteger(503);
        site.on("/robots.txt", ex -> TestSite.send(ex, status.get(), "text/plain", ""));
        RobotsCache cache = cache();

        RobotsCache.HostRules deferred = cache.rules(site.url("/a"));
        assertThat(deferred.deferred()).isTrue();
        assertThat(deferred.retryAt()).isEqualTo(clock.millis() + 2_000);
        clock.advance(Duration.ofMillis(1_999));
        assertThat(cache.rules(site.url("/a"))).isSameAs(deferred);
        assertThat(site.hits("/robots.txt")).as("not before its back-off").isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        RobotsCache.HostRules again = cache.rules(site.url("/a"));
        assertThat(site.hits("/robots.txt")).isEqualTo(2);
        assertThat(again.retryAt()).as("the back-off doubles").isEqualTo(clock.millis() + 4_000);

        clock.advance(Duration.ofMillis(4_000));
        RobotsCache.HostRules givenUp = cache.rules(site.url("/a"));
        assertThat(givenUp.unavailable()).isTrue();
        assertThat(givenUp.failure()).isEqualTo("HTTP 503");
        assertThat(store.robots(hostKey())).as("a failure isn't stored").isNull();
    }

    private String hostKey() {
        return site.url("");
    }
}
