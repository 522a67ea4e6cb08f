package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 1: a hostile site's gzipped sitemap of a million URLs can't blow up a small crawl. */
class SitemapLimitsTest {

    private static final int SITEMAP_URLS = 1_000_000;

    @TempDir
    Path dir;

    private TestSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new TestSite();
        byte[] bomb = gzippedSitemap(site.url(""), SITEMAP_URLS);
        site.on(
                "/robots.txt",
                ex -> TestSite.send(
                        ex,
                        200,
                        "text/plain",
                        "User-agent: *\nAllow: /\nSitemap: " + site.url("/sitemap.xml.gz") + "\n"));
        site.on("/sitemap.xml.gz", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/x-gzip");
            ex.sendResponseHeaders(200, bomb.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bomb);
            }
        });
        site.page("/", "Home", "/a");
        site.page("/a", "A");
        for (int i = 0; i < 20; i++) {
            site.page("/p" + i, "Page " + i);
        }
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void aGzippedSitemapOfAMillionUrlsIsReadOnlyUpToTheCrawlsBudget() {
        CrawlConfig config = CrawlConfig.builder(List.of(site.url("/")))
                .maxPages(5)
                .allowPrivate(true)
                .delay(Duration.ZERO)
                .checkpointInterval(Duration.ofHours(1))
                .build();
        SitemapReader.Limits limits = SitemapReader.Limits.forCrawl(config);
        long start = System.nanoTime();
        try (CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            CrawlSummary summary = new Crawler(store, new HtmlExtractor())
                    .run(config, new CrawlerAcceptanceTest.RecordingSink(), p -> {});
            assertThat(summary.fetched()).isLessThanOrEqualTo(5);
            long rows =
                    store.counts().values().stream().mapToLong(Long::longValue).sum();
            assertThat(rows).isLessThanOrEqualTo(limits.urlsPerCrawl() + 10);
            assertThat(limits.urlsPerCrawl()).isLessThan(SITEMAP_URLS / 100);
            assertThat(store.url(site.url("/p0"))).isPresent(); // the sitemap was read, up to its budget
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void theBudgetGrowsWithMaxPagesAndStaysBounded() {
        CrawlConfig small =
                CrawlConfig.builder(List.of("http://a.example/")).maxPages(5).build();
        CrawlConfig large = CrawlConfig.builder(List.of("http://a.example/"))
                .maxPages(100_000)
                .build();
        SitemapReader.Limits s = SitemapReader.Limits.forCrawl(small);
        SitemapReader.Limits l = SitemapReader.Limits.forCrawl(large);
        assertThat(l.urlsPerCrawl()).isGreaterThan(s.urlsPerCrawl()).isGreaterThanOrEqualTo(100_000);
        assertThat(l.bytesPerCrawl()).isGreaterThanOrEqualTo(s.bytesPerCrawl());
        assertThat(s.urlsPerSitemap()).isLessThanOrEqualTo(50_000);
        assertThat(s.bytesPerSitemap()).isLessThanOrEqualTo(50L * 1024 * 1024);
    }

    private static byte[] gzippedSitemap(String base, int urls) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (int i = 0; i < urls; i++) {
                w.write("<url><loc>" + base + "/p" + i + "</loc></url>\n");
            }
            w.write("</urlset>\n");
        }
        return bytes.toByteArray();
    }
}
