package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index commits run beside the crawl, not in its way, and the last one covers every page. */
class CheckpointTest {

    static final int PAGES = 60;

    @TempDir
    Path dir;

    @Test
    void aSlowCommitDoesNotStopFetchingAndTheLastCommitHasEveryPage() throws Exception {
        try (TestSite site = new TestSite();
                CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            for (int i = 0; i < PAGES; i++) {
                site.html(
                        i == 0 ? "/" : "/p" + i,
                        TestSite.pageHtml(
                                "Page " + i,
                                TestSite.text("p" + i, 60),
                                "",
                                "/p" + ((i + 1) % PAGES),
                                "/p" + ((i * 7 + 3) % PAGES)));
            }
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            Set<String> committed = ConcurrentHashMap.newKeySet();
            AtomicBoolean inSlowCommit = new AtomicBoolean();
            CountDownLatch acceptedDuringSlowCommit = new CountDownLatch(4);
            AtomicBoolean crawlWentOn = new AtomicBoolean();
            AtomicInteger commits = new AtomicInteger();
            CheckpointingSink sink = new CheckpointingSink() {
                @Override
                public void accept(SourceDocument document) {
                    accepted.add(document.url());
                    if (inSlowCommit.get()) {
                        acceptedDuringSlowCommit.countDown();
                    }
                }

                @Override
                public void delete(String url) {}

                @Override
                public void commit() {
                    if (commits.incrementAndGet() == 1) { // the first periodic commit: slow until pages come
                        inSlowCommit.set(true);
                        try {
                            crawlWentOn.set(acceptedDuringSlowCommit.await(20, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inSlowCommit.set(false);
                    }
                    committed.addAll(accepted);
                }
            };
            CrawlSummary summary = new Crawler(store, new HtmlExtractor())
                    .run(
                            CrawlConfig.builder(List.of(site.url("/")))
                                    .allowPrivate(true)
                                    .delay(Duration.ZERO)
                                    .concurrency(1)
                                    .useSitemaps(false)
                                    .checkpointInterval(Duration.ofMillis(50))
                                    .build(),
                            sink,
                            p -> {});

            assertThat(summary.indexed()).isEqualTo(PAGES);
            assertThat(crawlWentOn)
                    .as("4 pages indexed while a commit ran (one worker: at most 1 if commits blocked the crawl)")
                    .isTrue();
            assertThat(committed).containsExactlyInAnyOrderElementsOf(accepted).hasSize(PAGES);
            assertThat(store.pendingDocuments()).isEmpty();
        }
    }
}
