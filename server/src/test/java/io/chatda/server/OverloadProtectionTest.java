package io.chatda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.client.Clients;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.SessionProtocol;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggester;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission control, rate limits, conditional requests, cancellation, graceful shutdown, TLS and the admin
 * routes, end to end: a real server on a random port over a real Lucene index, real HTTP/2 clients. Work
 * is held in flight with a {@link Gate} instead of sleeping, and the server's monotonic time can be moved
 * forward, so nothing here depends on timing. Servers are stopped in the background (a stop takes seconds,
 * mostly Netty's quiet period) and awaited once all tests have run.
 */
class OverloadProtectionTest {

    @TempDir
    static Path dir;

    static SearchIndex index;

    /** Searches for "slow" wait at the gate; every query is recorded. */
    final List<String> searched = new CopyOnWriteArrayList<>();

    volatile Gate searchGate = new Gate();
    /** While set, searches wait here when Lucene's collection loop asks whether to stop. */
    volatile boolean holdInsideLucene;

    final Gate luceneGate = new Gate();
    final AtomicInteger luceneAsked = new AtomicInteger();
    final List<StackTraceElement[]> luceneAskedFrom = new CopyOnWriteArrayList<>();
    final List<Throwable> searchFailures = new CopyOnWriteArrayList<>();
    final AtomicReference<Suggester> suggester = new AtomicReference<>(suggester("교착상태 (Deadlock)"));
    final AtomicReference<DataGeneration> generation = new AtomicReference<>(DataGeneration.fixed());
    final FakeCrawlJobs jobs = new FakeCrawlJobs();
    /** How far the server's monotonic time is ahead of the system's. */
    final AtomicLong skewNanos = new AtomicLong();

    ChatdaServer server;
    static final List<CompletableFuture<Void>> stopping = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void index() {
        index = SearchIndex.open(dir);
        index.upsert(new SearchDocument(
                "file:///deadlock.md",
                "교착상태 (Deadlock)",
                List.of(),
                "교착상태는 둘 이상의 프로세스가 서로의 자원을 기다리는 상태다.",
                "demo",
                "ko"));
        index.commit(Map.of());
        index.search("warm up", 1, 1);
    }

    @AfterAll
    static void closeIndex() {
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        index.close();
    }

    @AfterEach
    void stop() {
        searchGate.release();
        luceneGate.release();
        jobs.gate.release();
        if (server != null) {
            stopInBackground(server);
        }
    }

    private static void stopInBackground(ChatdaServer server) {
        stopping.add(CompletableFuture.runAsync(server::close));
    }

    private static Suggester suggester(String title) {
        return CompletionIndex.build(
                List.of(new SuggestEntry(title, 1, SuggestEntry.Kind.TITLE, "file:///deadlock.md")));
    }

    private WebClient start(UnaryOperator<ServerSettings> settings) {
        ServerSettings base = ServerSettings.onPort(0).withAdminToken("s3cret");
        for (RequestClass c : RequestClass.values()) {
            base = base.withRateLimit(c, RateLimit.OFF);
        }
        ServedData data = new ServedData(
                        (q, page, size, options, client) -> {
                            searched.add(q);
                            if (q.contains("slow")) {
                                searchGate.pass();
                            }
                            if (holdInsideLucene) {
                                options = options.withCancellation(heldInCollection(options.cancelled()));
                            }
                            try {
                                return index.search(q, page, size, options);
                            } catch (RuntimeException e) {
                                searchFailures.add(e);
                                throw e;
                            }
                        },
                        suggester::get,
                        generation::get,
                        null)
                .withCrawlJobs(jobs);
        server = new ChatdaServer(
                settings.apply(base), data, Clock.systemUTC(), () -> System.nanoTime() + skewNanos.get());
        server.start();
        return WebClient.of("h2c://127.0.0.1:" + server.port());
    }

    /**
     * The request's own cancellation signal, held at {@link #luceneGate} the second time it is asked: the
     * first question is Lucene's before it starts the index's segment, the second its collection loop's
     * before the first window of documents.
     */
    private BooleanSupplier heldInCollection(BooleanSupplier cancelled) {
        return () -> {
            if (luceneAsked.incrementAndGet() == 2) {
                luceneAskedFrom.add(Thread.currentThread().getStackTrace());
                luceneGate.pass();
            }
            return cancelled.getAsBoolean();
        };
    }

    private static AggregatedHttpResponse get(WebClient client, String path) {
        return client.get(path).aggregate().join();
    }

    private static AggregatedHttpResponse get(WebClient client, String path, String header, String value) {
        return client.execute(RequestHeaders.builder(HttpMethod.GET, path)
                        .set(header, value)
                        .build())
                .aggregate()
                .join();
    }

    private static String metrics(WebClient client) {
        return get(client, "/metrics").contentUtf8();
    }

    @Test
    void overItsLimitABatchRequestGets503WithRetryAfterWhileSearchPasses() throws Exception {
        WebClient client = start(s -> s.withLimit(RequestClass.BATCH, ConcurrencyLimit.fixed(1)));
        CompletableFuture<AggregatedHttpResponse> held = client.execute(
                        RequestHeaders.builder(HttpMethod.GET, "/api/admin/crawl/42")
                                .set("authorization", "Bearer s3cret")
                                .build())
                .aggregate();
        jobs.gate.awaitEntered();

        AggregatedHttpResponse shed = get(client, "/api/admin/crawl/7", "authorization", "Bearer s3cret");
        assertThat(shed.status().code()).isEqualTo(503);
        assertThat(shed.headers().get("retry-after")).isEqualTo("1");
        assertThat(shed.contentUtf8()).contains("\"error\"");
        assertThat(get(client, "/api/search?q=deadlock").status().code()).isEqualTo(200);
        assertThat(get(client, "/api/suggest?q=%EA%B5%90").status().code()).isEqualTo(200);

        jobs.gate.release();
        assertThat(held.join().status().code()).isEqualTo(200);
        assertThat(metrics(client))
                .containsPattern("chatda_admission_shed_total\\{class=\"batch\",reason=\"limit\"} 1.0");
    }

    @Test
    void whileSearchIsBeingShedSuggestionsAreShedFirst() throws Exception {
        WebClient client = start(s -> s.withLimit(RequestClass.CRITICAL, ConcurrencyLimit.fixed(1)));
        CompletableFuture<AggregatedHttpResponse> held =
                client.get("/api/search?q=slow").aggregate();
        searchGate.awaitEntered();

        assertThat(get(client, "/api/search?q=deadlock").status().code()).isEqualTo(503);
        AggregatedHttpResponse suggest = get(client, "/api/suggest?q=%EA%B5%90");
        assertThat(suggest.status().code()).isEqualTo(503);
        assertThat(suggest.headers().get("retry-after")).isEqualTo("1");

        searchGate.release();
        assertThat(held.join().status().code()).isEqualTo(200);
        // once search has not been shed for the pressure window, suggestions come back
        skewNanos.addAndGet(AdmissionControl.PRESSURE_WINDOW_NANOS);
        assertThat(get(client, "/api/suggest?q=%EA%B5%90").status().code()).isEqualTo(200);
    }

    @Test
    void lessUrgentRequestsAreShedBeforeOthersOfTheirClass() throws Exception {
        WebClient client = start(s -> s.withLimit(RequestClass.CRITICAL, ConcurrencyLimit.fixed(2)));
        CompletableFuture<AggregatedHttpResponse> held =
                client.get("/api/search?q=slow").aggregate();
        searchGate.awaitEntered();

        assertThat(get(client, "/api/search?q=deadlock", "priority", "u=7")
                        .status()
                        .code())
                .isEqualTo(503);
        assertThat(get(client, "/api/search?q=deadlock", "priority", "u=1, i")
                        .status()
                        .code())
                .isEqualTo(200);
        assertThat(get(client, "/api/search?q=deadlock").status().code()).isEqualTo(200);
        searchGate.release();
        held.join();
    }

    @Test
    void urgencyIsReadFromThePriorityHeader() {
        assertThat(AdmissionControl.urgency(RequestHeaders.of(HttpMethod.GET, "/")))
                .isEqualTo(3);
        assertThat(AdmissionControl.urgency(RequestHeaders.builder(HttpMethod.GET, "/")
                        .set("priority", "u=6")
                        .build()))
                .isEqualTo(6);
        assertThat(AdmissionControl.urgency(RequestHeaders.builder(HttpMethod.GET, "/")
                        .set("priority", "i, u=0")
                        .build()))
                .isEqualTo(0);
        assertThat(AdmissionControl.urgency(RequestHeaders.builder(HttpMethod.GET, "/")
                        .set("priority", "u=9")
                        .build()))
                .isEqualTo(3);
    }

    @Test
    void aClientOverItsRateGets429WithRateLimitHeaders() {
        WebClient client = start(s -> s.withRateLimit(RequestClass.SHEDDABLE, new RateLimit(1, 2)));

        AggregatedHttpResponse first = get(client, "/api/suggest?q=a");
        assertThat(first.status().code()).isEqualTo(200);
        assertThat(first.headers().get("ratelimit-limit")).isEqualTo("2");
        assertThat(first.headers().get("ratelimit-remaining")).isEqualTo("1");
        get(client, "/api/suggest?q=b");
        AggregatedHttpResponse limited = get(client, "/api/suggest?q=c");

        assertThat(limited.status().code()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.headers().get("retry-after"))).isBetween(1, 2);
        assertThat(limited.headers().get("ratelimit-remaining")).isEqualTo("0");
        assertThat(limited.headers().get("ratelimit-reset")).isNotBlank();
        assertThat(limited.contentUtf8()).contains("\"error\"");
        // other routes have their own buckets
        assertThat(get(client, "/api/search?q=deadlock").status().code()).isEqualTo(200);
        assertThat(metrics(client)).contains("chatda_ratelimit_rejected_total{class=\"sheddable\"} 1.0");
    }

    @Test
    void forwardedForNamesTheClientOnlyBehindATrustedProxy() {
        WebClient client = start(s -> s.withRateLimit(RequestClass.SHEDDABLE, new RateLimit(1, 1))
                .withTrustedProxies(List.of("127.0.0.0/8")));

        assertThat(get(client, "/api/suggest?q=a", "x-forwarded-for", "203.0.113.7")
                        .status()
                        .code())
                .isEqualTo(200);
        assertThat(get(client, "/api/suggest?q=a", "x-forwarded-for", "203.0.113.7")
                        .status()
                        .code())
                .isEqualTo(429);
        // a spoofed leftmost entry doesn't help: the proxy appended the real address
        assertThat(get(client, "/api/suggest?q=a", "x-forwarded-for", "1.2.3.4, 203.0.113.7")
                        .status()
                        .code())
                .isEqualTo(429);
        assertThat(get(client, "/api/suggest?q=a", "x-forwarded-for", "203.0.113.8")
                        .status()
                        .code())
                .isEqualTo(200);
        stopInBackground(server);

        WebClient direct = start(s -> s.withRateLimit(RequestClass.SHEDDABLE, new RateLimit(1, 1)));
        assertThat(get(direct, "/api/suggest?q=a", "x-forwarded-for", "203.0.113.7")
                        .status()
                        .code())
                .isEqualTo(200);
        assertThat(get(direct, "/api/suggest?q=a", "x-forwarded-for", "203.0.113.8")
                        .status()
                        .code())
                .isEqualTo(429);
    }

    @Test
    void aMatchingETagIsAnswered304UntilTheDataChanges() {
        WebClient client = start(s -> s);
        for (String path : List.of("/api/suggest?q=%EA%B5%90", "/api/search?q=deadlock")) {
            AggregatedHttpResponse first = get(client, path);
            String etag = first.headers().get("etag");
            assertThat(etag).as(path).isNotBlank();
            assertThat(first.headers().get("cache-control")).as(path).startsWith("public, max-age=");

            AggregatedHttpResponse again = get(client, path, "if-none-match", etag);
            assertThat(again.status().code()).as(path).isEqualTo(304);
            assertThat(again.content().isEmpty()).isTrue();
            assertThat(again.headers().get("etag")).isEqualTo(etag);
            assertThat(get(client, path, "if-none-match", "\"other\"").status().code())
                    .isEqualTo(200);
        }
        int searches = searched.size();
        get(
                client,
                "/api/search?q=deadlock",
                "if-none-match",
                get(client, "/api/search?q=deadlock").headers().get("etag"));
        assertThat(searched).hasSize(searches + 1);

        String oldTag = get(client, "/api/suggest?q=%EA%B5%90").headers().get("etag");
        assertThat(get(client, "/api/suggest?q=%EA%B5%90").contentUtf8()).contains("Deadlock");
        // the app swaps in a rebuilt dictionary, then bumps the generation
        suggester.set(suggester("교통 정보"));
        DataGeneration g = generation.get();
        generation.set(new DataGeneration(g.index(), g.indexUpdated(), g.dictionary() + 1, Instant.now()));

        AggregatedHttpResponse fresh = get(client, "/api/suggest?q=%EA%B5%90", "if-none-match", oldTag);
        assertThat(fresh.status().code()).isEqualTo(200);
        assertThat(fresh.contentUtf8()).contains("교통 정보").doesNotContain("Deadlock");
        assertThat(fresh.headers().get("etag")).isNotEqualTo(oldTag);
        assertThat(metrics(client)).contains("cache_gets_total{cache=\"suggest\",result=\"hit\"}");
    }

    @Test
    void aSearchCancelledByItsClientNeverReachesTheIndex() throws Exception {
        WebClient client =
                start(s -> s.withSearchThreads(1).withLimit(RequestClass.CRITICAL, ConcurrencyLimit.fixed(10)));
        CompletableFuture<AggregatedHttpResponse> held =
                client.get("/api/search?q=slow").aggregate();
        searchGate.awaitEntered();

        HttpResponse doomed = client.get("/api/search?q=abandoned");
        awaitMetric(client, "chatda_admission_inflight{class=\"critical\"} 2.0");
        doomed.abort();
        awaitMetric(client, "chatda_admission_inflight{class=\"critical\"} 1.0");
        searchGate.release();
        assertThat(held.join().status().code()).isEqualTo(200);
        // the single search thread has passed the abandoned task once this one is answered
        assertThat(get(client, "/api/search?q=deadlock").status().code()).isEqualTo(200);

        assertThat(searched).doesNotContain("abandoned");
        assertThat(metrics(client)).contains("chatda_search_abandoned_total 1.0");
    }

    @Test
    void aSearchRunningInsideLuceneStopsWhenItsClientCancels() throws Exception {
        WebClient client = start(s -> s);
        holdInsideLucene = true;
        HttpResponse doomed = client.get("/api/search?q=deadlock");
        luceneGate.awaitEntered();
        // the search is in Lucene's collection loop, asking whether to go on
        assertThat(luceneAskedFrom.get(0))
                .anyMatch(frame -> frame.getClassName().endsWith("BulkScorer"));

        doomed.abort();
        awaitMetric(client, "chatda_admission_inflight{class=\"critical\"} 0.0");
        luceneGate.release();
        awaitMetric(client, "chatda_search_cancelled_total 1.0");

        assertThat(searchFailures).singleElement().isInstanceOf(io.chatda.search.SearchCancelledException.class);
        // told to stop at the question it was held on, asked once more to confirm, then nothing (no
        // highlighting, no stored fields); SearchCancellationTest shows the skipped windows of documents
        assertThat(luceneAsked.get()).isEqualTo(3);
        assertThat(metrics(client)).doesNotContain("status=\"500\"");
    }

    @Test
    void aSearchHeldInsideLuceneWithoutCancellationAnswers() throws Exception {
        WebClient client = start(s -> s);
        holdInsideLucene = true;
        CompletableFuture<AggregatedHttpResponse> answer =
                client.get("/api/search?q=deadlock").aggregate();
        luceneGate.awaitEntered();
        luceneGate.release();
        AggregatedHttpResponse res = answer.join();
        assertThat(res.status().code()).isEqualTo(200);
        assertThat(res.contentUtf8()).contains("deadlock.md");
        assertThat(searchFailures).isEmpty();
    }

    private static void awaitMetric(WebClient client, String line) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!metrics(client).contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metric never showed " + line);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void shutdownLetsInFlightRequestsFinish() throws Exception {
        WebClient client = start(s -> s);
        assertThat(get(client, "/ready").status().code()).isEqualTo(200);
        CompletableFuture<AggregatedHttpResponse> held =
                client.get("/api/search?q=slow%20deadlock").aggregate();
        searchGate.awaitEntered();

        ChatdaServer closing = server;
        server = null;
        Thread closer = new Thread(closing::close);
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("close waits for the request in flight").isTrue();
        try (ClientFactory fresh = ClientFactory.builder().build()) {
            AggregatedHttpResponse ready = get(
                    WebClient.builder("http://127.0.0.1:" + closing.port())
                            .factory(fresh)
                            .build(),
                    "/ready");
            assertThat(ready.status().code())
                    .as("not ready while shutting down")
                    .isEqualTo(503);
            assertThat(ready.headers().get("retry-after")).isEqualTo("1");
        }

        searchGate.release();
        AggregatedHttpResponse answer = held.join();
        assertThat(answer.status().code()).as(answer.contentUtf8()).isEqualTo(200);
        assertThat(answer.contentUtf8()).contains("deadlock.md");
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
    }

    @Test
    void closeWaitsForASearchStillRunningAfterItsClientLeft() throws Exception {
        ChatdaServer closing = withAnAbandonedSearchHeld(s -> s);
        Thread closer = new Thread(closing::close);
        closer.start();
        awaitFrame(closer, "awaitTermination");
        assertThat(closer.isAlive()).as("close waits for the search executor").isTrue();

        searchGate.release();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
    }

    @Test
    void closeStopsWaitingForAStuckSearchAfterTheShutdownGrace() throws Exception {
        ChatdaServer closing = withAnAbandonedSearchHeld(s -> s.withShutdownGrace(Duration.ofMillis(300)));
        closing.close();
        // returned while the search is still held at the gate (released after the test)
        assertThat(searched).containsExactly("slow");
    }

    /**
     * A started server whose only request, a search held at {@link #searchGate}, has been abandoned by its
     * client: nothing is in flight for the server, but the search still runs on its executor. The test
     * closes it (so it is not left to {@link #stop()}).
     */
    private ChatdaServer withAnAbandonedSearchHeld(UnaryOperator<ServerSettings> settings) throws Exception {
        WebClient client = start(settings);
        HttpResponse doomed = client.get("/api/search?q=slow");
        searchGate.awaitEntered();
        doomed.abort();
        awaitMetric(client, "chatda_admission_inflight{class=\"critical\"} 0.0");
        ChatdaServer started = server;
        server = null;
        return started;
    }

    /** Waits until {@code thread} is inside a method called {@code method}. */
    private static void awaitFrame(Thread thread, String method) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (java.util.Arrays.stream(thread.getStackTrace())
                .noneMatch(f -> f.getMethodName().equals(method))) {
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                throw new AssertionError(thread.getName() + " never reached " + method);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void selfSignedTlsNegotiatesHttp2ByAlpnBesideCleartextOnTheSamePort() {
        start(s -> s.withTls(TlsSettings.selfSignedCertificate()));
        try (ClientFactory insecure = ClientFactory.insecure()) {
            WebClient tls = WebClient.builder("https://127.0.0.1:" + server.port())
                    .factory(insecure)
                    .build();
            try (var captor = Clients.newContextCaptor()) {
                AggregatedHttpResponse res = get(tls, "/api/search?q=deadlock");
                ClientRequestContext ctx = captor.get();
                assertThat(res.status().code()).isEqualTo(200);
                assertThat(ctx.log().whenComplete().join().sessionProtocol()).isEqualTo(SessionProtocol.H2);
            }
        }
        assertThat(get(WebClient.of("h2c://127.0.0.1:" + server.port()), "/health")
                        .status()
                        .code())
                .isEqualTo(200);
    }

    @Test
    void adminRoutesQueueCrawlsBehindTheBearerToken() {
        WebClient client = start(s -> s);
        String body = "{\"seeds\": [\"https://example.org/\"], \"maxPages\": 50}";

        AggregatedHttpResponse anonymous = client.execute(
                        RequestHeaders.builder(HttpMethod.POST, "/api/admin/crawl")
                                .contentType(MediaType.JSON_UTF_8)
                                .build(),
                        body)
                .aggregate()
                .join();
        assertThat(anonymous.status().code()).isEqualTo(401);
        assertThat(anonymous.headers().get("www-authenticate")).startsWith("Bearer");
        assertThat(jobs.submitted).isEmpty();

        AggregatedHttpResponse accepted = post(client, body);
        assertThat(accepted.status().code()).isEqualTo(202);
        assertThat(accepted.headers().get("location")).isEqualTo("/api/admin/crawl/1");
        assertThat(jobs.submitted)
                .containsExactly(new CrawlRequest(List.of("https://example.org/"), CrawlRequest.Mode.START, 50, 5));

        AggregatedHttpResponse status = get(client, "/api/admin/crawl/1", "authorization", "Bearer s3cret");
        assertThat(status.status().code()).isEqualTo(200);
        assertThat(status.contentUtf8()).contains("\"status\":\"queued\"").contains("\"id\":1");
        assertThat(get(client, "/api/admin/crawl/99", "authorization", "Bearer s3cret")
                        .status()
                        .code())
                .isEqualTo(404);
        assertThat(get(client, "/api/admin/crawl/1", "authorization", "Bearer wrong")
                        .status()
                        .code())
                .isEqualTo(401);

        for (String bad : List.of(
                "not json",
                "{}",
                "{\"seeds\": [\"ftp://x/\"]}",
                "{\"seeds\": [\"https://x/\"], \"mode\": \"z\"}",
                "{\"seeds\": [\"https://x/\"], \"maxPages\": -1}")) {
            AggregatedHttpResponse res = post(client, bad);
            assertThat(res.status().code()).as(bad).isEqualTo(400);
            assertThat(res.contentUtf8()).as(bad).contains("\"error\"").doesNotContain("Exception");
        }
    }

    private static AggregatedHttpResponse post(WebClient client, String body) {
        return client.execute(
                        RequestHeaders.builder(HttpMethod.POST, "/api/admin/crawl")
                                .contentType(MediaType.JSON_UTF_8)
                                .set("authorization", "Bearer s3cret")
                                .build(),
                        body)
                .aggregate()
                .join();
    }

    @Test
    void metricsShowClassesLimitsCachesAndGenerations() {
        WebClient client = start(s -> s);
        get(client, "/api/search?q=deadlock");
        get(client, "/api/suggest?q=a");
        get(client, "/search?q=deadlock");

        String text = metrics(client);
        // the web page's search is admitted as critical, and counted so
        assertThat(text)
                .containsPattern("chatda_http_requests_total\\{class=\"critical\",[^}]*result=\"success\","
                        + "service=\"io.chatda.server.web.SearchPage\"} 1.0");
        assertThat(text)
                .contains("chatda_admission_limit{class=\"critical\"}")
                .contains("chatda_admission_inflight{class=\"sheddable\"}")
                .contains("chatda_data_generation{data=\"dictionary\"}")
                .contains("chatda_data_age_seconds{data=\"index\"}")
                .contains("class=\"critical\"")
                .contains("chatda_http_request_duration_seconds_bucket")
                .contains("cache_gets_total{cache=\"suggest\"")
                .contains("jvm_memory_used_bytes");
    }

    /** The crawl queue as the app implements it, in memory; status of job 42 waits at the gate. */
    static final class FakeCrawlJobs implements CrawlJobs {
        final Gate gate = new Gate();
        final List<CrawlRequest> submitted = new CopyOnWriteArrayList<>();
        final Map<Long, JobStatus> jobs = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong();

        @Override
        public JobId submit(CrawlRequest request) {
            submitted.add(request);
            long id = ids.incrementAndGet();
            jobs.put(id, new JobStatus(id, JobStatus.State.QUEUED, Instant.now(), null, null, ""));
            return new JobId(id);
        }

        @Override
        public Optional<JobStatus> status(long id) {
            if (id == 42) {
                gate.pass();
                return Optional.of(
                        new JobStatus(42, JobStatus.State.RUNNING, Instant.now(), Instant.now(), null, "10 pages"));
            }
            return Optional.ofNullable(jobs.get(id));
        }
    }
}
