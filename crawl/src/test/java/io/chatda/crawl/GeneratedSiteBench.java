package io.chatda.crawl;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Crawls a generated site of N pages served in-process and prints rate and peak heap:
 * {@code GeneratedSiteBench PAGES DB}. Run under {@code -Xmx512m} by bench/scripts/crawl-memory.sh.
 */
public final class GeneratedSiteBench {
    private GeneratedSiteBench() {}

    public static void main(String[] args) throws Exception {
        int pages = Integer.parseInt(args[0]);
        try (TestSite site = new TestSite();
                CrawlStore store = CrawlStore.open(Path.of(args[1]))) {
            for (int i = 0; i < pages; i++) {
                String html = TestSite.pageHtml(
                        "Page " + i,
                        "page " + i + " " + TestSite.text("p" + i, 60),
                        "",
                        "/p" + ((i * 7L + 1) % pages),
                        "/p" + ((i * 13L + 5) % pages),
                        "/p" + ((i + 1) % pages));
                site.html("/p" + i, html);
            }
            long[] peak = {0};
            CrawlSummary summary = new Crawler(store, new HtmlExtractor())
                    .run(
                            CrawlConfig.builder(List.of(site.url("/p0")))
                                    .allowPrivate(true)
                                    .delay(Duration.ZERO)
                                    .concurrency(4)
                                    .maxPages(pages + 10)
                                    .maxDepth(10_000)
                                    .useSitemaps(false)
                                    .build(),
                            new DocumentSink() {
                                @Override
                                public void accept(SourceDocument document) {}

                                @Override
                                public void delete(String url) {}
                            },
                            p -> {
                                peak[0] = Math.max(
                                        peak[0],
                                        ManagementFactory.getMemoryMXBean()
                                                .getHeapMemoryUsage()
                                                .getUsed());
                                if (p.elapsed().toSeconds() % 10 == 0) {
                                    System.err.printf(
                                            "fetched=%d queued=%d %.0f pages/s%n",
                                            p.fetched(), p.queued(), p.pagesPerSecond());
                                }
                            });
            System.out.println(summary.format());
            System.out.printf(
                    "peak heap used %d MB (max %d MB)%n",
                    peak[0] >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
