package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.SimpleRobotRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Politeness per host, reckoned in the caller's milliseconds: no clock read, no waiting. */
class HostSchedulerTest {

    private static final long T = 1_000_000;

    private static CrawlStore.Entry entry(long id, String host, String path) {
        return new CrawlStore.Entry(id, "http://" + host + path, host, 0, 0, null, null, false, null);
    }

    private static CrawlConfig.Builder config() {
        return CrawlConfig.builder(List.of("http://a.example/")).concurrency(4).retryBackoff(Duration.ofSeconds(2));
    }

    private static RobotsCache.HostRules allowAll(long crawlDelayMs) {
        SimpleRobotRules rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        if (crawlDelayMs > 0) {
            rules.setCrawlDelay(crawlDelayMs);
        }
        return new RobotsCache.HostRules(rules, 0, null);
    }

    @Test
    void oneRequestAtATimePerHostAndTheDelayAfterIt() {
        HostScheduler scheduler =
                new HostScheduler(config().delay(Duration.ofSeconds(1)).build());
        scheduler.add(List.of(entry(1, "a.example", "/1"), entry(2, "a.example", "/2"), entry(3, "b.example", "/")));

        HostScheduler.Slot a1 = scheduler.poll(T);
        assertThat(a1.entry().id()).isEqualTo(1);
        assertThat(scheduler.poll(T).entry().id())
                .as("a.example is busy; b.example is free")
                .isEqualTo(3);
        assertThat(scheduler.poll(T)).isNull();

        scheduler.release(a1, T + scheduler.politeDelay(a1));
        assertThat(scheduler.poll(T + 999)).as("within a.example's delay").isNull();
        assertThat(scheduler.poll(T + 1000).entry().id()).isEqualTo(2);
        assertThat(scheduler.load()).isEqualTo(new HostScheduler.Load(0, 3));
    }

    @Test
    void withoutADelayAKnownHostTakesRequestsInParallelUntilItBacksOff() {
        HostScheduler scheduler =
                new HostScheduler(config().delay(Duration.ZERO).build());
        scheduler.add(List.of(entry(1, "a.example", "/1"), entry(2, "a.example", "/2"), entry(3, "a.example", "/3")));
        HostScheduler.Slot first = scheduler.poll(T);
        assertThat(scheduler.poll(T)).as("the first request to a host is alone").isNull();
        scheduler.robots(first, allowAll(0));

        HostScheduler.Slot second = scheduler.poll(T);
        assertThat(second.entry().id()).isEqualTo(2);
        scheduler.backOff(second, T);
        scheduler.release(second, T);
        scheduler.release(first, T);
        assertThat(scheduler.poll(T + 1999)).as("backing off for retryBackoff").isNull();
        HostScheduler.Slot third = scheduler.poll(T + 2000);
        assertThat(third.entry().id()).isEqualTo(3);

        scheduler.backOff(third, T + 2000);
        scheduler.release(third, T + 2000);
        scheduler.add(List.of(entry(4, "a.example", "/4"), entry(5, "a.example", "/5")));
        assertThat(scheduler.poll(T + 5999)).as("the back-off doubled").isNull();
        HostScheduler.Slot fourth = scheduler.poll(T + 6000);
        assertThat(scheduler.poll(T + 6000))
                .as("one at a time while backing off")
                .isNull();
        scheduler.recovered(fourth);
        assertThat(scheduler.poll(T + 6000).entry().id()).isEqualTo(5);
    }

    @Test
    void aRobotsCrawlDelayIsCappedAndMakesTheHostPoliteAgain() {
        HostScheduler scheduler = new HostScheduler(config().delay(Duration.ZERO)
                .maxCrawlDelay(Duration.ofSeconds(10))
                .build());
        scheduler.add(List.of(entry(1, "a.example", "/1"), entry(2, "a.example", "/2")));
        HostScheduler.Slot slot = scheduler.poll(T);
        scheduler.robots(slot, allowAll(60_000));

        assertThat(scheduler.politeDelay(slot)).isEqualTo(10_000);
        assertThat(scheduler.poll(T)).as("a Crawl-delay means one at a time").isNull();
        scheduler.robots(slot, allowAll(0));
        assertThat(scheduler.politeDelay(slot)).isZero();
    }

    @Test
    void theHostCapCountsFetchesFromThePreparedCount() {
        HostScheduler scheduler = new HostScheduler(config().maxPerHostPages(3).build());
        scheduler.add(List.of(entry(1, "a.example", "/1")));
        HostScheduler.Slot slot = scheduler.poll(T);

        assertThat(scheduler.startPreparing(slot)).isTrue();
        assertThat(scheduler.startPreparing(slot)).as("prepared once").isFalse();
        scheduler.prepared(slot, 2);
        assertThat(scheduler.countFetch(slot)).isTrue();
        assertThat(scheduler.countFetch(slot)).isFalse();
    }

    @Test
    void claimsARefillWhenTheBufferRunsLowAndIsDrainedWhenAllWorkIsDone() {
        HostScheduler scheduler = new HostScheduler(config().concurrency(2).build());
        assertThat(scheduler.wanted()).isEqualTo(64);
        assertThat(scheduler.drained()).isTrue();
        for (int i = 0; i < 16; i++) {
            scheduler.add(List.of(entry(i, "h" + i + ".example", "/")));
        }
        assertThat(scheduler.wanted()).isZero();
        HostScheduler.Slot slot = scheduler.poll(T);
        assertThat(scheduler.wanted()).isEqualTo(64 - 15);

        for (HostScheduler.Slot s = scheduler.poll(T); s != null; s = scheduler.poll(T)) {
            scheduler.releaseUnused(s);
            scheduler.finished();
        }
        assertThat(scheduler.drained()).as("one still in flight").isFalse();
        scheduler.release(slot, T);
        scheduler.finished();
        assertThat(scheduler.drained()).isTrue();
    }
}
