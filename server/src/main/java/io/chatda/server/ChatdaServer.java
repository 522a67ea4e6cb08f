package io.chatda.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.file.FileService;
import com.linecorp.armeria.server.file.HttpFile;
import com.linecorp.armeria.server.logging.LoggingService;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import io.chatda.search.SearchIndex;
import io.chatda.suggest.Suggester;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * chatda's HTTP server: the JSON API, health and metrics, and the web page, over HTTP/1.1 and h2c
 * on one port. Constructed by the app with everything it serves; starts on {@link #start()}.
 */
public final class ChatdaServer implements AutoCloseable {

    private static final String WEB_ROOT = "io/chatda/server/web";
    private static final int MAX_REQUEST_LINE = 64 * 1024;
    private static final long MAX_REQUEST_BODY = 1024 * 1024;

    private final Server server;
    private final PrometheusMeterRegistry registry;

    public ChatdaServer(ServerSettings settings, SearchIndex index, Supplier<Suggester> suggester) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        JsonResponses json = new JsonResponses(new ObjectMapper());
        this.server = Server.builder()
                .http(settings.port())
                // long enough for a 10 kB query string to reach the API, which answers it with a clear 400
                .http1MaxInitialLineLength(MAX_REQUEST_LINE)
                .http1MaxHeaderSize(MAX_REQUEST_LINE)
                .http2MaxHeaderListSize(MAX_REQUEST_LINE)
                .maxRequestLength(MAX_REQUEST_BODY)
                .meterRegistry(registry)
                .requestTimeout(settings.requestTimeout())
                .gracefulShutdownTimeout(settings.shutdownGrace(), settings.shutdownGrace())
                .errorHandler(new ApiErrorHandler(json))
                .service("/api/search", new SearchApi(index, json))
                .service("/api/suggest", new SuggestApi(suggester, json))
                .service("/health", (ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, "{\"status\":\"up\"}"))
                .service("/metrics", (ctx, req) -> HttpResponse.of(HttpStatus.OK,
                        MediaType.parse("text/plain; version=0.0.4; charset=utf-8"), registry.scrape()))
                .service("/", HttpFile.of(ChatdaServer.class.getClassLoader(), WEB_ROOT + "/index.html").asService())
                .serviceUnder("/static/", FileService.of(ChatdaServer.class.getClassLoader(), WEB_ROOT))
                .decorator(MetricCollectingService.newDecorator(MeterIdPrefixFunction.ofDefault("chatda.http")))
                .decorator(LoggingService.newDecorator())
                .build();
    }

    /** Starts listening; returns once the port is bound. */
    public void start() {
        server.start().join();
    }

    /** The port the server listens on (useful when started on port 0). */
    public int port() {
        return server.activeLocalPort();
    }

    /** Stops accepting connections, lets in-flight requests finish, then stops. */
    @Override
    public void close() {
        server.stop().join();
        registry.close();
    }
}
