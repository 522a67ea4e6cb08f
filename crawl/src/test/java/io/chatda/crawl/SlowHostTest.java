package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host whose robots.txt never answers holds up only itself: the other hosts are crawled meanwhile. */
class SlowHostTest {

    @TempDir
    Path dir;

    @Test
    void aHostWhoseRobotsTxtHangsDoesNotHoldUpTheOthers() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (TestSite slow = new TestSite();
                TestSite fast = new TestSite();
                TestSite other = new TestSite();
                CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            slow.hang("/robots.txt");
            slow.page("/", "Slow home");
            fast.page("/", "Fast home", "/a", "/b");
            fast.page("/a", "Fast A");
            fast.page("/b", "Fast B");
            other.page("/", "Other home");
            Set<String> expected = Set.of(fast.url("/"), fast.url("/a"), fast.url("/b"), other.url("/"));
            Set<String> delivered = ConcurrentHashMap.newKeySet();
            CountDownLatch allDelivered = new CountDownLatch(expected.size());
            DocumentSink sink = new DocumentSink() {
                @Override
                public void accept(SourceDocument document) {
                    if (delivered.add(document.url()) && expected.contains(document.url())) {
                        allDelivered.countDown();
                    }
                }

                @Override
                public void delete(String url) {}
            };
            // the slow host is the first seed: on the frontier's first place
            CrawlConfig config = CrawlConfig.builder(List.of(slow.url("/"), fast.url("/"), other.url("/")))
                    .allowPrivate(true)
                    .delay(Duration.ZERO)
                    .concurrency(2)
                    .readTimeout(Duration.ofSeconds(60))
                    .build();
            Crawler crawler = new Crawler(store, new HtmlExtractor());
            Future<CrawlSummary> run = caller.submit(() -> crawler.run(config, sink, CrawlListener.NONE));

            boolean othersDone = allDelivered.await(20, TimeUnit.SECONDS);
            int slowRobotsRequests = slow.hits("/robots.txt");
            crawler.stop();
            CrawlSummary summary = run.get(30, TimeUnit.SECONDS);

            assertThat(othersDone)
                    .as("the other hosts' pages delivered while robots.txt hangs, got %s", delivered)
                    .isTrue();
            assertThat(slowRobotsRequests)
                    .as("robots.txt asked once and still hanging")
                    .isEqualTo(1);
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(slow.hits("/")).isZero();
            assertThat(summary.stopped()).isTrue();
            assertThat(store.url(slow.url("/")).orElseThrow().state())
                    .as("left for --resume")
                    .isEqualTo(UrlRecord.State.QUEUED);
        } finally {
            caller.shutdownNow();
            assertThat(caller.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
