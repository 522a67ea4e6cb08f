package io.chatda.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import io.chatda.search.SearchIndex;
import io.chatda.server.web.WebPages;
import io.chatda.suggest.Suggester;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * chatda's HTTP server: the JSON API, health, readiness and metrics, and the web page, over HTTP/1.1
 * and h2c on one port (plus h2 over TLS when configured). Every API route is rate limited per client,
 * admitted by the priority class's adaptive concurrency limit, and cached where answers allow.
 * Constructed by the app with everything it serves; starts on {@link #start()}.
 */
public final class ChatdaServer implements AutoCloseable {

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
    private final PrometheusMeterRegistry registry;
    private final ThreadPoolExecutor searchExecutor;
    private final ReplicaApi replicas;
    private volatile boolean draining;

    /** A server over data that doesn't change while served; see {@link ServedData#fixed}. */
    public ChatdaServer(ServerSettings settings, SearchIndex index, Supplier<Suggester> suggester) {
        this(settings, ServedData.fixed(index, suggester));
    }

    public ChatdaServer(ServerSettings settings, ServedData data) {
        this(settings, data, Replication.standalone());
    }

    /** A server over {@code data} taking {@code replication}'s part in replication (docs/replication.md). */
    public ChatdaServer(ServerSettings settings, ServedData data, Replication replication) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(latencyHistograms());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        generationGauges(data.generation());
        data.metrics().bindTo(registry);

        ObjectMapper mapper = new ObjectMapper();
        JsonResponses json = new JsonResponses(mapper);
        this.replicas = new ReplicaApi(replication, json);
        replicas.bindMetrics(registry);
        ClientIdentity identity = new ClientIdentity(settings.trustedProxies());
        AdmissionControl admission = new AdmissionControl(settings.limits(), registry, json);
        ClientRateLimiter rateLimiter = new ClientRateLimiter(settings.rateLimits(), identity, registry, json);
        this.searchExecutor = searchExecutor(settings);

        WebPages web = new WebPages(data.search(), data.documents(), searchExecutor,
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
                .meterRegistry(registry)
                .requestTimeout(settings.requestTimeout())
                .gracefulShutdownTimeout(SHUTDOWN_QUIET_PERIOD, settings.shutdownGrace())
                .errorHandler(new ApiErrorHandler(json, web::notFound))
                .accessLogWriter(new AccessLog(mapper, identity, ACCESS_LOG_LINES_PER_SECOND, registry), true);

        // API routes: per-client rate limit, then 304 for fresh copies, then admission control, then the work
        sb.route().get(Routes.SEARCH).requestTimeout(settings.requestTimeout()).maxRequestLength(MAX_QUERY_BODY)
                .decorator(admission.decorator(RequestClass.CRITICAL))
                .decorator(new Freshness("s", () -> data.generation().get().index(), SEARCH_MAX_AGE, true).decorator())
                .decorator(rateLimiter.decorator(RequestClass.CRITICAL))
                .decorator(replicas.generationHeader())
                .build(new SearchApi(data.search(), searchExecutor, json, registry, identity));
        LongSupplier dictionary = () -> data.generation().get().dictionary();
        Freshness suggestFreshness = new Freshness("d", dictionary, SUGGEST_MAX_AGE, false);
        sb.route().get(Routes.SUGGEST).requestTimeout(SUGGEST_TIMEOUT).maxRequestLength(MAX_QUERY_BODY)
                .decorator(admission.decorator(RequestClass.SHEDDABLE))
                .decorator(suggestFreshness.notModifiedDecorator())
                .decorator(rateLimiter.decorator(RequestClass.SHEDDABLE))
                .decorator(replicas.generationHeader())
                .build(new SuggestApi(data.suggester(), dictionary, suggestFreshness, json, registry));
        if (data.crawlJobs() != null && settings.adminToken() != null) {
            AdminApi admin = new AdminApi(data.crawlJobs(), settings.adminToken(), json, mapper);
            sb.route().post(Routes.CRAWL).maxRequestLength(MAX_ADMIN_BODY)
                    .decorators(admission.decorator(RequestClass.BATCH), admin.authorization(),
                            rateLimiter.decorator(RequestClass.BATCH))
                    .build(admin.submit());
            sb.route().get(Routes.CRAWL + "/{id}").maxRequestLength(MAX_QUERY_BODY)
                    .decorators(admission.decorator(RequestClass.BATCH), admin.authorization(),
                            rateLimiter.decorator(RequestClass.BATCH))
                    .build(admin.status());
        }
        replicas.addRoutes(sb);
        // GET and HEAD only: any other method (TRACE too) is a JSON 405 from the router
        sb.route().methods(HttpMethod.GET, HttpMethod.HEAD).path("/health").maxRequestLength(MAX_QUERY_BODY)
                .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, "{\"status\":\"up\"}"));
        sb.route().methods(HttpMethod.GET, HttpMethod.HEAD).path("/ready").maxRequestLength(MAX_QUERY_BODY)
                .build(readiness(data, json));
        sb.route().methods(HttpMethod.GET, HttpMethod.HEAD).path("/metrics").maxRequestLength(MAX_QUERY_BODY)
                .build((ctx, req) -> HttpResponse.of(HttpStatus.OK,
                        MediaType.parse("text/plain; version=0.0.4; charset=utf-8"), registry.scrape()));
        webRoutes(sb, web, admission, rateLimiter);
        sb.decorator(MetricCollectingService.newDecorator(MeterIdPrefixFunction.ofDefault("chatda.http")
                .andThen((reg, log, id) -> id.withTags("class", Routes.classTag(log.requestHeaders().path())))));
        this.server = sb.build();
    }

    /** The web page's routes; the results page is a search, under the same limits as the API's. */
    private static void webRoutes(ServerBuilder sb, WebPages web, AdmissionControl admission,
                                  ClientRateLimiter rateLimiter) {
        sb.route().methods(HttpMethod.GET, HttpMethod.HEAD).path("/").maxRequestLength(MAX_QUERY_BODY)
                .build(web.home());
        sb.route().methods(HttpMethod.GET, HttpMethod.HEAD).pathPrefix("/static/").maxRequestLength(MAX_QUERY_BODY)
                .build(web.assets());
        sb.route().get("/search").maxRequestLength(MAX_QUERY_BODY)
                .decorator(admission.decorator(RequestClass.CRITICAL))
                .decorator(rateLimiter.decorator(RequestClass.CRITICAL))
                .build(web.search());
        sb.route().get("/doc/{id}").maxRequestLength(MAX_QUERY_BODY)
                .decorator(admission.decorator(RequestClass.CRITICAL))
                .decorator(rateLimiter.decorator(RequestClass.CRITICAL))
                .build(web.document());
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
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "chatda-search");
                    t.setDaemon(true);
                    return t;
                });
        return executor;
    }

    private HttpService readiness(ServedData data, JsonResponses json) {
        return (ctx, req) -> {
            if (draining) {
                return json.busy("draining");
            }
            if (!replicas.ready()) {
                return json.busy("no index snapshot installed yet");
            }
            if (data.suggester().get() == null) {
                return json.busy("dictionary not loaded yet");
            }
            Optional<String> notReady = data.readiness().notReadyBecause();
            if (notReady.isPresent()) {
                return json.busy(notReady.get());
            }
            DataGeneration g = data.generation().get();
            Map<String, Object> ready = new java.util.LinkedHashMap<>(Map.of("status", "ready", "indexGeneration", g.index(),
                    "dictionaryGeneration", g.dictionary()));
            replicas.generation().ifPresent(snapshot -> ready.put("snapshotGeneration", snapshot));
            return json.ok(ready);
        };
    }

    private void generationGauges(Supplier<DataGeneration> generation) {
        Gauge.builder("chatda.data.generation", () -> generation.get().index()).tag("data", "index")
                .description("generation of the served data").register(registry);
        Gauge.builder("chatda.data.generation", () -> generation.get().dictionary()).tag("data", "dictionary")
                .description("generation of the served data").register(registry);
        Gauge.builder("chatda.data.age", () -> ageSeconds(generation.get().indexUpdated())).tag("data", "index")
                .baseUnit("seconds").description("time since the served data last changed").register(registry);
        Gauge.builder("chatda.data.age", () -> ageSeconds(generation.get().dictionaryUpdated())).tag("data", "dictionary")
                .baseUnit("seconds").description("time since the served data last changed").register(registry);
    }

    private static double ageSeconds(Instant t) {
        return Duration.between(t, Instant.now()).toMillis() / 1000.0;
    }

    /** Prometheus histograms (not only summaries) for request latency, so percentiles aggregate across servers. */
    private static MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("chatda.http") && id.getName().endsWith("duration")) {
                    return DistributionStatisticConfig.builder()
                            .percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                            .build().merge(config);
                }
                return config;
            }
        };
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
     * grace, then stops.
     */
    @Override
    public void close() {
        draining = true;
        server.stop().join();
        searchExecutor.shutdown();
        registry.close();
    }
}
