package io.chatda.server;

import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import com.linecorp.armeria.server.prometheus.PrometheusExpositionService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server's Prometheus registry: JVM meters, the served data's generation and age, per-request HTTP
 * meters tagged with the request's {@link RequestClass}, and the {@code /metrics} page (Armeria's
 * {@link PrometheusExpositionService}).
 */
final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /**
     * @param generation the served data's generation, read at each scrape
     * @param app        the app's own meters
     * @param clock      the time the data's age is measured against
     */
    ServerMetrics(Supplier<DataGeneration> generation, MeterBinder app, Clock clock) {
        registry.config().meterFilter(latencyHistograms());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
        generationGauges(generation, clock);
        app.bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The {@code /metrics} page in Prometheus' text format (or OpenMetrics, when the scraper asks for it). */
    HttpService exposition() {
        return PrometheusExpositionService.of(registry.getPrometheusRegistry());
    }

    /** Counts and times every request as {@code chatda_http_*}, tagged with its class ({@code other} for none). */
    Function<? super HttpService, MetricCollectingService> httpRequests() {
        return MetricCollectingService.newDecorator(MeterIdPrefixFunction.ofDefault("chatda.http")
                .andThen((reg, log, id) -> id.withTags("class", RequestClass.tagOf(log.context()))));
    }

    private void generationGauges(Supplier<DataGeneration> generation, Clock clock) {
        Gauge.builder("chatda.data.generation", () -> generation.get().index())
                .tag("data", "index")
                .description("generation of the served data")
                .register(registry);
        Gauge.builder("chatda.data.generation", () -> generation.get().dictionary())
                .tag("data", "dictionary")
                .description("generation of the served data")
                .register(registry);
        Gauge.builder("chatda.data.age", () -> ageSeconds(generation.get().indexUpdated(), clock))
                .tag("data", "index")
                .baseUnit("seconds")
                .description("time since the served data last changed")
                .register(registry);
        Gauge.builder("chatda.data.age", () -> ageSeconds(generation.get().dictionaryUpdated(), clock))
                .tag("data", "dictionary")
                .baseUnit("seconds")
                .description("time since the served data last changed")
                .register(registry);
    }

    private static double ageSeconds(Instant t, Clock clock) {
        return Duration.between(t, clock.instant()).toMillis() / 1000.0;
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
                            .maximumExpectedValue(
                                    (double) Duration.ofSeconds(10).toNanos())
                            .build()
                            .merge(config);
                }
                return config;
            }
        };
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
