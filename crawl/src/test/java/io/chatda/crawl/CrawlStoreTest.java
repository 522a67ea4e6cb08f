package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlStoreTest {

    @TempDir
    Path dir;

    @Test
    void aRunLeftRunningByADeadProcessIsMarkedInterruptedByTheNext() {
        Path db = dir.resolve("crawl.db");
        try (CrawlStore store = CrawlStore.open(db)) {
            store.startRun(CrawlConfig.builder(List.of("https://a.example/")).build()); // killed: never finished
        }
        try (CrawlStore store = CrawlStore.open(db)) {
            long resumed = store.startRun(
                    CrawlConfig.builder(List.of()).mode(CrawlMode.RESUME).build());
            assertThat(store.runs(5))
                    .extracting(CrawlRun::status)
                    .containsExactly(CrawlRun.Status.RUNNING, CrawlRun.Status.INTERRUPTED);
            store.finishRun(resumed, CrawlRun.Status.DONE, "fetched=1");
            assertThat(store.runs(5))
                    .extracting(CrawlRun::status)
                    .containsExactly(CrawlRun.Status.DONE, CrawlRun.Status.INTERRUPTED);
        }
    }

    @Test
    void aRunsSettingsAreKeptForResume() {
        Path db = dir.resolve("crawl.db");
        CrawlConfig config = CrawlConfig.builder(List.of("https://a.example/", "https://b.example/docs/"))
                .maxPages(1500)
                .maxDepth(3)
                .concurrency(8)
                .maxPerHostPages(700)
                .delay(java.time.Duration.ZERO)
                .sameSite(true)
                .includes(List.of(java.util.regex.Pattern.compile("/docs/")))
                .excludes(List.of(java.util.regex.Pattern.compile("\\?print=1$")))
                .allowPrivate(true)
                .trustedHosts(java.util.Set.of("wiki.intranet"))
                .build();
        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.lastRunSettings()).isEmpty();
            store.startRun(config);
        }
        try (CrawlStore store = CrawlStore.open(db)) {
            CrawlSettings kept = store.lastRunSettings().orElseThrow();
            assertThat(kept).isEqualTo(CrawlSettings.of(config));
            CrawlConfig resumed = kept.resume().build();
            assertThat(resumed.mode()).isEqualTo(CrawlMode.RESUME);
            assertThat(CrawlSettings.of(resumed)).isEqualTo(kept);
        }
    }

    @Test
    void jobQueueIsDurableAndFifo() {
        Path db = dir.resolve("crawl.db");
        long first;
        try (CrawlStore store = CrawlStore.open(db)) {
            first = store.enqueueJob("{\"seeds\":[\"https://a.example/\"]}");
            store.enqueueJob("{\"seeds\":[\"https://b.example/\"]}");
            assertThat(store.claimNextJob()).get().satisfies(j -> {
                assertThat(j.id()).isEqualTo(first);
                assertThat(j.status()).isEqualTo(CrawlJob.Status.RUNNING);
            });
        }
        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.requeueInterruptedJobs()).isEqualTo(1);
            CrawlJob again = store.claimNextJob().orElseThrow();
            assertThat(again.id()).isEqualTo(first);
            store.updateJobMessage(first, "fetched=3");
            store.finishJob(first, CrawlJob.Status.DONE, "fetched=10 indexed=9");
            assertThat(store.job(first)).get().satisfies(j -> {
                assertThat(j.status()).isEqualTo(CrawlJob.Status.DONE);
                assertThat(j.message()).isEqualTo("fetched=10 indexed=9");
                assertThat(j.finishedAt()).isNotNull();
            });
            assertThat(store.claimNextJob())
                    .get()
                    .extracting(CrawlJob::payload)
                    .asString()
                    .contains("b.example");
            assertThat(store.claimNextJob()).isEmpty();
            assertThat(store.jobs(10)).hasSize(2);
        }
    }

    /** Links are written in batches: every one of a page's links is stored, and each known target gains priority once. */
    @Test
    void aPageWithManyLinksStoresEveryLinkAndRaisesEachKnownTargetOnce() throws Exception {
        Path db = dir.resolve("crawl.db");
        long src;
        List<Long> known = new java.util.ArrayList<>();
        try (CrawlStore store = CrawlStore.open(db)) {
            src = store.insert("https://a.example/", "a.example", null, 0, null, null);
            for (int i = 0; i < 40; i++) {
                known.add(store.insert("https://a.example/k" + i, "a.example", null, 1, null, null));
            }
            List<CrawlStore.NewLink> links = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String url = "https://a.example/k" + i;
                links.add(new CrawlStore.NewLink(
                        url, "a.example", null, 1, "known " + i, store.knownId(url), null, null));
            }
            for (int i = 0; i < 33; i++) {
                links.add(new CrawlStore.NewLink(
                        "https://a.example/n" + i, "a.example", null, 1, "new " + i, 0, null, null));
            }
            store.addLinks(src, links);
            assertThat(store.knownId("https://a.example/n32")).isPositive();
            assertThat(store.knownId("https://a.example/nowhere")).isZero();
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT count(*), count(DISTINCT dst), min(anchor) FROM links WHERE src=" + src);
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(73);
            assertThat(rs.getInt(2)).isEqualTo(73);
            rs = st.executeQuery("SELECT DISTINCT priority FROM urls WHERE url LIKE 'https://a.example/k%'");
            rs.next();
            assertThat(rs.getInt(1)).as("each known target raised once").isEqualTo(-1);
            assertThat(rs.next()).isFalse();
            rs = st.executeQuery("SELECT DISTINCT priority FROM urls WHERE url LIKE 'https://a.example/n%'");
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.knownId("https://a.example/k7")).isEqualTo(known.get(7));
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement()) {
            var plan = st.executeQuery("EXPLAIN QUERY PLAN " + Frontier.RAISE_PRIORITY.replace("?", "1"));
            StringBuilder steps = new StringBuilder();
            while (plan.next()) {
                steps.append(plan.getString("detail")).append('\n');
            }
            // by id, not by walking the queued URLs of the frontier index (quadratic over a crawl)
            assertThat(steps.toString()).contains("INTEGER PRIMARY KEY").doesNotContain("urls_frontier");
        }
    }

    @Test
    void pendingDocumentsRoundTrip() {
        SourceDocument doc = new SourceDocument(
                "https://a.example/x",
                "제목",
                List.of("h"),
                "본문 body",
                List.of(new SourceDocument.Link("https://a.example/y", "와이")),
                "mixed",
                "a.example");
        assertThat(DocumentCodec.decode(DocumentCodec.encode(doc))).isEqualTo(doc);
    }

    @Test
    void addressGuardRefusesNonPublicAddresses() throws Exception {
        for (String a : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "224.0.0.1",
                "0.0.0.0",
                "100.64.0.1",
                "::1",
                "fe80::1",
                "fc00::1",
                "::ffff:127.0.0.1")) {
            assertThat(AddressGuard.isReserved(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111")) {
            assertThat(AddressGuard.isReserved(InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    @Test
    void simHashFindsNearDuplicatesOnly() {
        String text = TestSite.text("base", 1000);
        SimHash.Index index = new SimHash.Index(3);
        index.add(SimHash.of(text), "a");
        assertThat(index.find(SimHash.of(text + " updated yesterday"), "b")).isEqualTo("a");
        assertThat(index.find(SimHash.of(TestSite.text("other", 1000)), "b")).isNull();
        assertThat(index.find(SimHash.of(text), "a")).isNull();
    }
}
