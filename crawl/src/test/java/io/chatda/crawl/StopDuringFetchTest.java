package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 9: a stop (Ctrl-C) ends a crawl at once although a server trickles a page a byte a second. */
class StopDuringFetchTest {

    @TempDir
    Path dir;

    @Test
    void stopCutsAFetchInFlightAndTheRunSaysStoppedAndResumable() throws Exception {
        CountDownLatch trickling = new CountDownLatch(1);
        try (TestSite site = new TestSite()) {
            site.on("/robots.txt", ex -> TestSite.send(ex, 404, "text/plain", ""));
            site.on("/", ex -> {
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(200, 200);
                OutputStream out = ex.getResponseBody();
                trickling.countDown();
                for (int i = 0; i < 200; i++) {
                    out.write('x');
                    out.flush();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            CrawlConfig config = CrawlConfig.builder(List.of(site.url("/")))
                    .allowPrivate(true)
                    .delay(Duration.ZERO)
                    .useSitemaps(false)
                    .readTimeout(Duration.ofSeconds(30))
                    .build();
            try (CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
                Crawler crawler = new Crawler(store, new HtmlExtractor());
                CompletableFuture<CrawlSummary> run = CompletableFuture.supplyAsync(
                        () -> crawler.run(config, new CrawlerAcceptanceTest.RecordingSink(), p -> {}));
                assertThat(trickling.await(10, TimeUnit.SECONDS)).isTrue();
                long stopAt = System.nanoTime();
                crawler.stop();
                // without the cut-off the page would hold the crawl for its 200 s, or the 60 s fetch deadline
                CrawlSummary summary = run.get(20, TimeUnit.SECONDS);
                assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(10));
                assertThat(summary.stopped()).isTrue();
                assertThat(store.runs(1).get(0).status()).isEqualTo(CrawlRun.Status.STOPPED);
                // the page was cut off, not failed: a resume fetches it again
                assertThat(store.url(site.url("/")).orElseThrow().state()).isEqualTo(UrlRecord.State.QUEUED);
            }
        }
    }
}
