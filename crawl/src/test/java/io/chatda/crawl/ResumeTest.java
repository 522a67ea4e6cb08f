package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl stopped or killed half-way and resumed ends with the same pages and fetches none twice. */
class ResumeTest {

    static final int PAGES = 150;

    @TempDir
    Path dir;

    private TestSite site;

    static CrawlConfig config(String seed, CrawlMode mode) {
        return CrawlConfig.builder(List.of(seed))
                .mode(mode)
                .allowPrivate(true)
                .delay(Duration.ZERO)
                .concurrency(3)
                .useSitemaps(false)
                .checkpointInterval(Duration.ofMillis(200))
                .build();
    }

    @BeforeEach
    void startSite() throws Exception {
        site = new TestSite();
        for (int i = 0; i < PAGES; i++) {
            int page = i;
            String html = TestSite.pageHtml(
                    "Page " + i,
                    TestSite.text("p" + i, 80),
                    "",
                    "/p" + ((i * 7 + 1) % PAGES),
                    "/p" + ((i * 13 + 5) % PAGES),
                    "/p" + ((i + 1) % PAGES));
            site.on(i == 0 ? "/" : "/p" + i, ex -> {
                try {
                    Thread.sleep(page % 3 == 0 ? 15 : 5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestSite.send(ex, 200, "text/html", html);
            });
        }
        site.redirect("/p0", 301, "/");
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private Set<String> expected() {
        Set<String> all = new HashSet<>();
        all.add(site.url("/"));
        IntStream.range(1, PAGES).forEach(i -> all.add(site.url("/p" + i)));
        return all;
    }

    @Test
    void stoppedCrawlResumesWithoutFetchingAnythingTwice() throws Exception {
        Path sinkFile = dir.resolve("index.txt");
        try (CrawlStore store = CrawlStore.open(dir.resolve("crawl.db"))) {
            Crawler crawler = new Crawler(store, new HtmlExtractor());
            AtomicInteger accepted = new AtomicInteger();
            FileSink files = new FileSink(sinkFile);
            CheckpointingSink stopping = new CheckpointingSink() {
                @Override
                public void accept(SourceDocument document) {
                    files.accept(document);
                    if (accepted.incrementAndGet() == 40) {
                        crawler.stop();
                    }
                }

                @Override
                public void delete(String url) {
                    files.delete(url);
                }

                @Override
                public void commit() {
                    files.commit();
                }
            };
            CrawlSummary first = crawler.run(config(site.url("/"), CrawlMode.START), stopping, CrawlListener.NONE);
            assertThat(first.stopped()).isTrue();
            assertThat(store.counts()).containsKey("QUEUED");

            CrawlSummary second = crawler.run(config(site.url("/"), CrawlMode.RESUME), files, CrawlListener.NONE);
            assertThat(second.stopped()).isFalse();
            assertThat(first.indexed() + second.indexed()).isEqualTo(PAGES);
            assertThat(new HashSet<>(FileSink.committed(sinkFile))).isEqualTo(expected());
            assertThat(store.urls()).allSatisfy(r -> assertThat(r.fetchCount()).isLessThanOrEqualTo(1));
            assertThat(store.runs(2))
                    .extracting(CrawlRun::status)
                    .containsExactly(CrawlRun.Status.DONE, CrawlRun.Status.STOPPED);
        }
        assertThat(site.allHits().entrySet())
                .allSatisfy(e -> assertThat(e.getValue().get()).isEqualTo(1));
    }

    @Test
    void killedJvmResumesWithTheSameFinalSet() throws Exception {
        Path db = dir.resolve("killed.db");
        Path sinkFile = dir.resolve("killed-index.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrawlChild.class.getName(),
                        site.url("/"),
                        db.toString(),
                        sinkFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (served() < PAGES / 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("child still crawling when killed").isTrue();
        child.destroyForcibly(); // SIGKILL
        child.waitFor(10, TimeUnit.SECONDS);
        int servedAtKill = served();
        assertThat(servedAtKill).isLessThan(PAGES);

        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.runs(1))
                    .singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(CrawlRun.Status.RUNNING));
            CrawlSummary resumed = new Crawler(store, new HtmlExtractor())
                    .run(config(site.url("/"), CrawlMode.RESUME), new FileSink(sinkFile), CrawlListener.NONE);
            assertThat(resumed.fetched()).isLessThan(PAGES);
            assertThat(new HashSet<>(FileSink.committed(sinkFile))).isEqualTo(expected());
            assertThat(store.indexedUrls()).hasSize(PAGES);
            assertThat(store.urls()).allSatisfy(r -> assertThat(r.fetchCount()).isLessThanOrEqualTo(1));
        }
        // a page whose response arrived but whose result wasn't committed when the JVM died is fetched again:
        // at most one per worker thread
        List<String> twice = new ArrayList<>();
        for (Map.Entry<String, AtomicInteger> e : site.allHits().entrySet()) {
            if (e.getValue().get() > 1 && !e.getKey().equals("/robots.txt")) {
                twice.add(e.getKey());
            }
        }
        assertThat(twice).hasSizeLessThanOrEqualTo(3);
    }

    private int served() {
        return site.allHits().entrySet().stream()
                .filter(e -> !e.getKey().equals("/robots.txt"))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }
}
