package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance test: a local site with every kind of trouble, crawled end to end. */
class CrawlerAcceptanceTest {

    @TempDir
    Path dir;

    private TestSite site;

    private static final List<java.util.regex.Pattern> ONLY_R = List.of(java.util.regex.Pattern.compile("/$"));

    /** Collects what the crawler delivers. */
    static final class RecordingSink implements DocumentSink {
        final List<SourceDocument> accepted = Collections.synchronizedList(new ArrayList<>());
        final List<String> deleted = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(SourceDocument document) {
            accepted.add(document);
        }

        @Override
        public void delete(String url) {
            deleted.add(url);
        }
    }

    @BeforeEach
    void startSite() throws Exception {
        site = new TestSite();
        String base = site.url("");
        site.on("/robots.txt", ex -> TestSite.send(ex, 200, "text/plain", """
                User-agent: *
                Disallow: /private/
                Allow: /private/open
                Disallow: /*.pdf$
                Disallow: /admin
                Allow: /admin/public$

                User-agent: otherbot
                Disallow: /

                Sitemap: %s/sitemap.xml
                """.formatted(base)));
        site.on("/sitemap.xml", ex -> TestSite.send(ex, 200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s/from-sitemap</loc></url>
                  <url><loc>%s/a</loc></url>
                </urlset>""".formatted(base, base)));
        site.page(
                "/",
                "Home",
                "/a",
                "/b",
                "/private/secret",
                "/private/open",
                "/files/doc.pdf",
                "/files/doc.pdf?v=1",
                "/admin/public",
                "/admin/public/x",
                "/redirect1",
                "/loop1",
                "/canon-dup",
                "/noindex",
                "/xrobots",
                "/dup1",
                "/dup2",
                "/near1",
                "/near2",
                "/calendar?d=0",
                "/big",
                "/slow",
                "/error",
                "/missing",
                "/image.png",
                "/nofollow-page",
                "/text.txt",
                "http://example.invalid/page",
                "mailto:someone@example.com",
                "/a#section",
                "/b?",
                "/x/y/x/y/x/page");
        site.html("/a", TestSite.pageHtml("Page A", TestSite.text("/a", 150), "", "/a/deep", "/"));
        site.page("/a/deep", "Deep page");
        site.page("/b", "Page B");
        site.page("/from-sitemap", "Only in the sitemap");
        site.page("/private/secret", "Secret");
        site.page("/private/open", "Open despite private");
        site.page("/files/doc.pdf", "Looks like a PDF");
        site.page("/files/doc.pdf?v=1", "PDF with a query");
        site.page("/admin/public", "Admin public");
        site.page("/admin/public/x", "Admin public x");
        site.redirect("/redirect1", 301, "/redirect2");
        site.redirect("/redirect2", 302, base + "/target");
        site.page("/target", "Redirect target");
        site.redirect("/loop1", 302, "/loop2");
        site.redirect("/loop2", 302, "/loop1");
        site.html(
                "/canon-dup",
                TestSite.pageHtml(
                        "Canonical copy",
                        TestSite.text("/canonical-page", 120),
                        "<link rel=\"canonical\" href=\"/canonical-page\">"));
        site.page("/canonical-page", "Canonical page");
        site.html(
                "/noindex",
                TestSite.pageHtml(
                        "Hidden",
                        TestSite.text("/noindex", 120),
                        "<meta name=\"robots\" content=\"noindex\">",
                        "/only-from-noindex"));
        site.page("/only-from-noindex", "Linked from a noindex page");
        site.on("/xrobots", ex -> {
            ex.getResponseHeaders().set("X-Robots-Tag", "noindex");
            TestSite.send(
                    ex, 200, "text/html", TestSite.pageHtml("Header noindex", TestSite.text("/xrobots", 120), ""));
        });
        String dupText = TestSite.text("dup", 200);
        site.html("/dup1", TestSite.pageHtml("Same", dupText, ""));
        site.html("/dup2", TestSite.pageHtml("Same", dupText, ""));
        String nearText = TestSite.text("near", 1000);
        site.html("/near1", TestSite.pageHtml("Near", nearText, ""));
        site.html("/near2", TestSite.pageHtml("Near", nearText + " Updated yesterday.", ""));
        for (int d = 0; d < 30; d++) {
            site.page("/calendar?d=" + d, "Day " + d, "/calendar?d=" + (d + 1), "/calendar?d=" + Math.max(0, d - 1));
        }
        site.on("/big", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>big big big big big big big big big big</p>\n"
                    .repeat(1000)
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                for (long sent = 0; sent < 20L * 1024 * 1024; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
        site.on("/slow", ex -> {
            try {
                Thread.sleep(2500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestSite.send(ex, 200, "text/html", TestSite.pageHtml("Slow", "slow", ""));
        });
        site.on("/error", ex -> TestSite.send(ex, 500, "text/html", "oops"));
        site.on("/image.png", ex -> TestSite.send(ex, 200, "image/png", "PNG"));
        site.html(
                "/nofollow-page",
                TestSite.pageHtml(
                        "No follow",
                        TestSite.text("/nofollow-page", 120),
                        "<meta name=\"robots\" content=\"nofollow\">",
                        "/never"));
        site.page("/never", "Never");
        site.on(
                "/text.txt",
                ex -> TestSite.send(
                        ex, 200, "text/plain; charset=utf-8", "Plain text title\n" + TestSite.text("/text.txt", 100)));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private CrawlConfig.Builder config(String... seeds) {
        return CrawlConfig.builder(List.of(seeds))
                .allowPrivate(true)
                .delay(Duration.ZERO)
                .concurrency(1)
                .readTimeout(Duration.ofMillis(700))
                .retryBackoff(Duration.ofMillis(20))
                .maxRetries(1)
                .maxQueryVariants(5);
    }

    @Test
    void indexesExactlyTheExpectedPagesAndRecordsWhyTheOthersWereSkipped() {
        RecordingSink sink = new RecordingSink();
        List<CrawlProgress> progress = Collections.synchronizedList(new ArrayList<>());
        CrawlSummary summary;
        try (CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            summary = new Crawler(store, new HtmlExtractor())
                    .run(config(site.url("/")).build(), sink, progress::add);

            List<String> indexed = TestSite.paths(
                    site, sink.accepted.stream().map(SourceDocument::url).toList());
            assertThat(indexed)
                    .containsExactlyInAnyOrder(
                            "/",
                            "/a",
                            "/a/deep",
                            "/b",
                            "/from-sitemap",
                            "/target",
                            "/canonical-page",
                            "/only-from-noindex",
                            "/dup1",
                            "/near1",
                            "/calendar?d=0",
                            "/calendar?d=1",
                            "/calendar?d=2",
                            "/calendar?d=3",
                            "/calendar?d=4",
                            "/private/open",
                            "/files/doc.pdf?v=1",
                            "/admin/public",
                            "/nofollow-page",
                            "/text.txt");
            assertThat(TestSite.paths(site, store.indexedUrls())).containsExactlyInAnyOrderElementsOf(indexed);

            Map<String, UrlRecord> records = store.urls().stream()
                    .collect(Collectors.toMap(r -> r.url().replace(site.url(""), ""), Function.identity()));
            assertThat(records).doesNotContainKeys("/never", "/a#section", "/b?");
            Map<String, SkipReason> reasons = records.entrySet().stream()
                    .filter(e -> e.getValue().reason() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().reason()));
            assertThat(reasons)
                    .containsOnly(
                            entry("/private/secret", SkipReason.ROBOTS),
                            entry("/files/doc.pdf", SkipReason.ROBOTS),
                            entry("/admin/public/x", SkipReason.ROBOTS),
                            entry("/redirect1", SkipReason.REDIRECT),
                            entry("/redirect2", SkipReason.REDIRECT),
                            entry("/loop2", SkipReason.REDIRECT),
                            entry("/loop1", SkipReason.REDIRECT_LOOP),
                            entry("/canon-dup", SkipReason.NON_CANONICAL),
                            entry("/noindex", SkipReason.NOINDEX),
                            entry("/xrobots", SkipReason.NOINDEX),
                            entry("/dup2", SkipReason.DUPLICATE),
                            entry("/near2", SkipReason.NEAR_DUPLICATE),
                            entry("/calendar?d=5", SkipReason.TRAP),
                            entry("/big", SkipReason.TOO_LARGE),
                            entry("/slow", SkipReason.TIMEOUT),
                            entry("/error", SkipReason.SERVER_ERROR),
                            entry("/missing", SkipReason.NOT_FOUND),
                            entry("/image.png", SkipReason.CONTENT_TYPE),
                            entry("http://example.invalid/page", SkipReason.OFF_SITE),
                            entry("/x/y/x/y/x/page", SkipReason.TRAP));
            assertThat(records.get("/canon-dup").duplicateOf()).isEqualTo(site.url("/canonical-page"));
            assertThat(records.get("/dup2").duplicateOf()).isEqualTo(site.url("/dup1"));
            assertThat(records.get("/near2").duplicateOf()).isEqualTo(site.url("/near1"));
            assertThat(records.get("/redirect1").duplicateOf()).isEqualTo(site.url("/target"));
            assertThat(records.get("/error").fetchCount()).isEqualTo(2);
            assertThat(records.values())
                    .allSatisfy(r -> assertThat(r.fetchCount()).isLessThanOrEqualTo(2));

            assertThat(summary.indexed()).isEqualTo(indexed.size());
            assertThat(summary.skipped(SkipReason.ROBOTS)).isEqualTo(3);
            assertThat(summary.skipped(SkipReason.TRAP)).isEqualTo(2);
            assertThat(summary.format()).contains("indexed=20").contains("robots=3");
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).indexed()).isEqualTo(20);

            Map<String, List<String>> graph = store.outlinks();
            assertThat(graph).containsKey(site.url("/"));
            assertThat(graph.get(site.url("/"))).contains(site.url("/a"), site.url("/target"), site.url("/dup1"));
            assertThat(store.runs(5))
                    .singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(CrawlRun.Status.DONE));
        }
        assertThat(site.hits("/robots.txt")).isEqualTo(1);
        assertThat(site.hits("/never")).isZero();
        assertThat(site.hits("/private/secret")).isZero();
        SourceDocument home = sink.accepted.stream()
                .filter(d -> d.url().equals(site.url("/")))
                .findFirst()
                .orElseThrow();
        assertThat(home.title()).isEqualTo("Home");
        assertThat(home.body()).doesNotContain("home");
        assertThat(home.site()).isEqualTo("127.0.0.1");
    }

    @Test
    void redirectFromATrustedHostToLoopbackIsRefusedWithoutAllowPrivate() {
        site.redirect("/to-loopback", 302, site.url("/b"));
        site.page("/start", "Start", "/to-loopback", site.url("/a"));
        String start = "http://localhost:" + site.port() + "/start";
        RecordingSink sink = new RecordingSink();
        try (CrawlStore store = CrawlStore.open(dir.resolve("ssrf.db"))) {
            new Crawler(store, new HtmlExtractor())
                    .run(
                            config(start)
                                    .allowPrivate(false)
                                    .trustedHosts(Set.of("localhost"))
                                    .sameSite(false)
                                    .maxDepth(1)
                                    .build(),
                            sink,
                            CrawlListener.NONE);

            assertThat(sink.accepted)
                    .extracting(SourceDocument::url)
                    .containsExactlyInAnyOrder(start, "http://localhost:" + site.port() + "/");
            assertThat(store.url("http://localhost:" + site.port() + "/to-loopback"))
                    .get()
                    .satisfies(r -> assertThat(r.reason()).isEqualTo(SkipReason.PRIVATE_ADDRESS))
                    .satisfies(r -> assertThat(r.detail()).contains("127.0.0.1"));
            assertThat(store.url(site.url("/a")))
                    .get()
                    .satisfies(r -> assertThat(r.reason()).isEqualTo(SkipReason.PRIVATE_ADDRESS));
        }
        assertThat(site.hits("/b")).isZero();
        assertThat(site.hits("/a")).isZero();
    }

    @Test
    void refreshRevalidatesDeletesGonePagesAndSkipsUnchangedOnes() {
        try (CrawlStore store = CrawlStore.open(dir.resolve("refresh.db"))) {
            Crawler crawler = new Crawler(store, new HtmlExtractor());
            site.page("/r", "Refresh root", "/r1", "/r2");
            site.on("/r1", ex -> {
                if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                TestSite.send(ex, 200, "text/html", TestSite.pageHtml("R1", TestSite.text("r1", 100), ""));
            });
            site.page("/r2", "R2");
            RecordingSink first = new RecordingSink();
            crawler.run(
                    config(site.url("/r")).useSitemaps(false).excludes(ONLY_R).build(), first, CrawlListener.NONE);
            assertThat(TestSite.paths(
                            site,
                            first.accepted.stream().map(SourceDocument::url).toList()))
                    .containsExactlyInAnyOrder("/r", "/r1", "/r2");

            site.on("/r2", ex -> TestSite.send(ex, 410, "text/html", "gone"));
            RecordingSink second = new RecordingSink();
            CrawlSummary summary = crawler.run(
                    config(site.url("/r"))
                            .useSitemaps(false)
                            .excludes(ONLY_R)
                            .mode(CrawlMode.REFRESH)
                            .build(),
                    second,
                    CrawlListener.NONE);

            assertThat(second.accepted).isEmpty();
            assertThat(second.deleted).containsExactly(site.url("/r2"));
            assertThat(summary.unchanged()).isEqualTo(2);
            assertThat(summary.deleted()).isEqualTo(1);
            assertThat(store.indexedUrls()).containsExactlyInAnyOrder(site.url("/r"), site.url("/r1"));
        }
    }
}
