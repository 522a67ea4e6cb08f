package io.chatda.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.healthcheck.HealthCheckService;
import com.linecorp.armeria.server.healthcheck.HealthChecker;
import io.chatda.search.SearchIndex;
import io.chatda.server.web.WebPages;
import io.chatda.suggest.Suggester;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chatda's HTTP server: the JSON API, health, readiness and metrics, and the web page, over HTTP/1.1
 * and h2c on one port (plus h2 over TLS when configured). Every API route is rate limited per client,
 * admitted by the priority class's adaptive concurrency limit, and cached where answers allow.
 * Constructed by the app with everything it serves; starts on {@link #start()}.
 */
public final class ChatdaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatdaServer.class);

    private static final int MAX_REQUEST_LINE = 64 * 1024;
    private static final long MAX_QUERY_BODY = 0;
    private static final long MAX_ADMIN_BODY = 64 * 1024;
    private static final long MAX_REQUEST_BODY = 1024 * 1024;
    private static final Duration SUGGEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SEARCH_MAX_AGE = Duration.ofSeconds(30);
    private static final Duration SUGGEST_MAX_AGE = Duration.ofSeconds(60);
    private static final long ACCESS_LOG_LINES_PER_SECOND = 50;
    /** Shutdown waits until no request has been active for this long (bounded by the shutdown grace). */
    private static final Duration SHUTDOWN_QUIET_PERIOD = Duration.ofMillis(200);

    private final Server server;
    private final ServerMetrics metrics;
    private final ThreadPoolExecutor searchExecutor;
    private final Duration shutdownGrace;
    private final ReplicaApi replicas;

    /** A server over data that doesn't change while served; see {@link ServedData#fixed}. */
    public ChatdaServer(ServerSettings settings, SearchIndex index, Supplier<Suggester> suggester) {
        this(settings, ServedData.fixed(index, suggester));
    }

    /** A single server (no replication) on the system's clocks. */
    public ChatdaServer(ServerSettings settings, ServedData data) {
        this(settings, data, Replication.standalone());
    }

    /** A server taking {@code replication}'s part in replication (docs/replication.md), on the system's clocks. */
    public ChatdaServer(ServerSettings settings, ServedData data, Replication replication) {
        this(settings, data, replication, new LocalRateLimitStore(System::nanoTime));
    }

    /**
     * A server taking {@code replication}'s part in replication, whose per-client rate-limit buckets live in
     * {@code rateLimits} (e.g. shared by every replica); the caller owns and closes the store.
     */
    public ChatdaServer(ServerSettings settings, ServedData data, Replication replication, RateLimitStore rateLimits) {
        this(settings, data, replication, rateLimits, Clock.systemUTC(), System::nanoTime);
    }

    /** A single server on the given clocks (tests), its rate-limit buckets in this process. */
    public ChatdaServer(ServerSettings settings, ServedData data, Clock clock, LongSupplier nanoTime) {
        this(settings, data, Replication.standalone(), new LocalRateLimitStore(nanoTime), clock, nanoTime);
    }

    /**
     * @param clock    wall time, for the served data's age
     * @param nanoTime monotonic time, for admission control and access log sampling
     */
    private ChatdaServer(
            ServerSettings settings,
            ServedData data,
            Replication replication,
            RateLimitStore rateLimits,
            Clock clock,
            LongSupplier nanoTime) {
        this.metrics = new ServerMetrics(data.generation(), data.metrics(), clock);
        this.shutdownGrace = settings.shutdownGrace();
        ObjectMapper mapper = new ObjectMapper();
        JsonResponses json = new JsonResponses(mapper);
        this.replicas = new ReplicaApi(replication, json);
        replicas.bindMetrics(metrics.registry());
        ClientIdentity identity = new ClientIdentity(settings.trustedProxies());
        RouteChain chain = new RouteChain(
                new AdmissionControl(settings.limits(), metrics.registry(), json, nanoTime),
                new ClientRateLimiter(settings.rateLimits(), rateLimits, identity, metrics.registry(), json));
        this.searchExecutor = searchExecutor(settings);
        WebPages web = new WebPages(
                data.search(),
                data.documents(),
                data.markup(),
                searchExecutor,
                ctx -> identity.of(ctx).getHostAddress());

        ServerBuilder sb = Server.builder();
        listen(sb, settings);
        sb.http1MaxInitialLineLength(MAX_REQUEST_LINE)
                // long enough for a 10 kB query string to reach the API, which answers it with a clear 400
                .http1MaxHeaderSize(MAX_REQUEST_LINE)
                .http2MaxHeaderListSize(MAX_REQUEST_LINE)
                .maxRequestLength(MAX_REQUEST_BODY)
                .maxNumConnections(settings.maxConnections())
                .idleTimeout(settings.idleTimeout())
                .meterRegistry(metrics.registry())
                .requestTimeout(settings.requestTimeout())
                .gracefulShutdownTimeout(SHUTDOWN_QUIET_PERIOD, settings.shutdownGrace())
                .errorHandler(new ApiErrorHandler(json, web::notFound))
                .accessLogWriter(
                        new AccessLog(mapper, identity, ACCESS_LOG_LINES_PER_SECOND, metrics.registry(), nanoTime),
                        true);
        apiRoutes(sb, settings, data, chain, json, mapper, identity);
        webRoutes(sb, web, chain);
        operationRoutes(sb, data, json);
        sb.decorator(metrics.httpRequests());
        this.server = sb.build();
    }

    /** The JSON API; each route: class, per-client rate limit, the route's own checks, admission, the work. */
    private void apiRoutes(
            ServerBuilder sb,
            ServerSettings settings,
            ServedData data,
            RouteChain chain,
            JsonResponses json,
            ObjectMapper mapper,
            ClientIdentity identity) {
        Freshness searchFreshness =
                new Freshness("s", () -> data.generation().get().index(), SEARCH_MAX_AGE, true);
        sb.route()
                .get(Routes.SEARCH)
                .requestTimeout(settings.requestTimeout())
                .maxRequestLength(MAX_QUERY_BODY)
                .decorator(chain.of(RequestClass.CRITICAL, replicas.generationHeader(), searchFreshness.decorator()))
                .build(new SearchApi(data.search(), searchExecutor, json, metrics.registry(), identity));
        LongSupplier dictionary = () -> data.generation().get().dictionary();
        Freshness suggestFreshness = new Freshness("d", dictionary, SUGGEST_MAX_AGE, false);
        sb.route()
                .get(Routes.SUGGEST)
                .requestTimeout(SUGGEST_TIMEOUT)
                .maxRequestLength(MAX_QUERY_BODY)
                .decorator(chain.of(
                        RequestClass.SHEDDABLE, replicas.generationHeader(), suggestFreshness.notModifiedDecorator()))
                .build(new SuggestApi(data.suggester(), dictionary, suggestFreshness, json, metrics.registry()));
        if (data.crawlJobs() != null && settings.adminToken() != null) {
            AdminApi admin = new AdminApi(data.crawlJobs(), settings.adminToken(), json, mapper);
            sb.route()
                    .post(Routes.CRAWL)
                    .maxRequestLength(MAX_ADMIN_BODY)
                    .decorator(chain.of(RequestClass.BATCH, admin.authorization()))
                    .build(admin.submit());
            sb.route()
                    .get(Routes.CRAWL_JOB)
                    .maxRequestLength(MAX_QUERY_BODY)
                    .decorator(chain.of(RequestClass.BATCH, admin.authorization()))
                    .build(admin.status());
            if (data.imports() != null) {
                sb.route()
                        .post(Routes.IMPORT)
                        .maxRequestLength(MAX_ADMIN_BODY)
                        .decorator(chain.of(RequestClass.BATCH, admin.authorization()))
                        .build(admin.importPaths(data.imports()));
            }
        }
    }

    /** The web page's routes; the results page and the document view are admitted like the search API. */
    private static void webRoutes(ServerBuilder sb, WebPages web, RouteChain chain) {
        sb.route()
                .methods(HttpMethod.GET, HttpMethod.HEAD)
                .path(Routes.HOME)
                .maxRequestLength(MAX_QUERY_BODY)
                .decorator(WholeResponses::new)
                .build(web.home());
        sb.route()
                .methods(HttpMethod.GET, HttpMethod.HEAD)
                .pathPrefix(Routes.ASSETS)
                .maxRequestLength(MAX_QUERY_BODY)
                .build(web.assets());
        sb.route()
                .get(Routes.SEARCH_PAGE)
                .maxRequestLength(MAX_QUERY_BODY)
                .decorator(chain.of(RequestClass.CRITICAL))
                .build(web.search());
        sb.route()
                .get(Routes.DOCUMENT_PAGE)
                .maxRequestLength(MAX_QUERY_BODY)
                .decorator(chain.of(RequestClass.CRITICAL))
                .build(web.document());
    }

    /**
     * {@code /health} (up while serving), {@code /ready} (the dictionary is loaded and the app's
     * {@link Readiness} holds, and a replica has installed a snapshot) and {@code /metrics}; both
     * checks answer 503 once shutdown has begun. Any other method is the router's JSON 405.
     */
    private void operationRoutes(ServerBuilder sb, ServedData data, JsonResponses json) {
        sb.route()
                .methods(HttpMethod.GET, HttpMethod.HEAD)
                .path(Routes.HEALTH)
                .maxRequestLength(MAX_QUERY_BODY)
                .build(healthCheck(json, Map.of("status", "up"), "shutting down"));
        sb.route()
                .methods(HttpMethod.GET, HttpMethod.HEAD)
                .path(Routes.READY)
                .maxRequestLength(MAX_QUERY_BODY)
                .decorator((delegate, ctx, req) -> HttpResponse.of(
                        delegate.serve(ctx, req).aggregate().thenApply(answer -> readyAnswer(answer, data, json))))
                .build(healthCheck(
                        json,
                        Map.of("status", "ready"),
                        "not ready: the dictionary is loading or the server is shutting down",
                        replicas::ready,
                        () -> data.suggester().get() != null,
                        () -> data.readiness().notReadyBecause().isEmpty()));
        replicas.addRoutes(sb);
        sb.route().get(Routes.METRICS).maxRequestLength(MAX_QUERY_BODY).build(metrics.exposition());
    }

    /**
     * {@code /ready}'s answer from Armeria's health check: when ready, the generations served (so a load balancer or
     * an operator sees which data a replica has); when the app's {@link Readiness} fails, its reason.
     */
    private HttpResponse readyAnswer(AggregatedHttpResponse answer, ServedData data, JsonResponses json) {
        if (answer.status().equals(HttpStatus.OK)) {
            DataGeneration g = data.generation().get();
            Map<String, Object> ready = new LinkedHashMap<>(
                    Map.of("status", "ready", "indexGeneration", g.index(), "dictionaryGeneration", g.dictionary()));
            replicas.generation().ifPresent(snapshot -> ready.put("snapshotGeneration", snapshot));
            return json.ok(ready);
        }
        if (!replicas.ready()) {
            return json.unavailable("not ready: no index snapshot installed yet")
                    .toHttpResponse();
        }
        return data.readiness()
                .notReadyBecause()
                .map(reason -> json.unavailable("not ready: " + reason).toHttpResponse())
                .orElseGet(answer::toHttpResponse);
    }

    /** Armeria's health check: {@code healthy} as JSON while every check passes, else a JSON 503 with Retry-After. */
    private static HealthCheckService healthCheck(
            JsonResponses json, Map<String, String> healthy, String unhealthy, HealthChecker... checks) {
        return HealthCheckService.builder()
                .checkers(checks)
                .longPolling(0)
                .healthyResponse(AggregatedHttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, json.bytes(healthy)))
                .unhealthyResponse(json.unavailable(unhealthy))
                .build();
    }

    private static void listen(ServerBuilder sb, ServerSettings settings) {
        TlsSettings tls = settings.tls();
        if (!tls.enabled()) {
            sb.http(settings.port());
            return;
        }
        // one port: plain HTTP/1.1 and h2c, and TLS (HTTP/1.1 or h2 by ALPN), told apart by the first bytes
        sb.port(settings.port(), SessionProtocol.HTTP, SessionProtocol.HTTPS);
        if (tls.selfSigned()) {
            sb.tlsSelfSigned();
        } else {
            sb.tls(tls.certificate().toFile(), tls.privateKey().toFile());
        }
    }

    private static ThreadPoolExecutor searchExecutor(ServerSettings settings) {
        int threads = settings.searchThreads();
        // admission control bounds what is queued; the bound here is the backstop
        int queue = settings.limits().get(RequestClass.CRITICAL).max() + threads;
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "chatda-search");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts listening; returns once the port is bound. */
    public void start() {
        server.start().join();
    }

    /** The port the server listens on (useful when started on port 0). */
    public int port() {
        return server.activeLocalPort();
    }

    /**
     * Reports not ready, stops accepting connections, lets in-flight requests finish within the shutdown
     * grace, waits (again up to the grace) for searches still running on the search executor, then closes
     * the metrics. Every step runs; the first failure is rethrown with the others suppressed.
     */
    @Override
    public void close() {
        Closing.all(() -> server.stop().join(), this::stopSearches, metrics::close);
    }

    private void stopSearches() {
        searchExecutor.shutdown();
        try {
            if (!searchExecutor.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                // not interrupted: an interrupt inside Lucene can close the index's file channels
                log.error(
                        "{} searches still running {} after shutdown; left to finish on their daemon threads",
                        searchExecutor.getActiveCount(),
                        shutdownGrace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for searches to finish", e);
        }
    }
}
