package io.chatda.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.logging.AccessLogWriter;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request on the {@code chatda.access} logger, sampled under load: up to
 * {@code linesPerSecond} lines a second are written, the rest only counted
 * ({@code chatda_access_log_skipped_total}); 500s are always written. The query string is left out
 * (it is what users searched for); the route class, status, protocol and timing are in.
 */
final class AccessLog implements AccessLogWriter {

    private static final Logger log = LoggerFactory.getLogger("chatda.access");

    private final ObjectMapper mapper;
    private final ClientIdentity identity;
    private final Bucket budget;
    private final Counter skipped;

    AccessLog(
            ObjectMapper mapper,
            ClientIdentity identity,
            long linesPerSecond,
            MeterRegistry registry,
            LongSupplier nanoTime) {
        this.mapper = mapper;
        this.identity = identity;
        this.budget = Bucket.builder()
                .addLimit(l -> l.capacity(linesPerSecond).refillGreedy(linesPerSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(LocalRateLimitStore.timeMeter(nanoTime))
                .build();
        this.skipped = Counter.builder("chatda.access.log.skipped")
                .description("access log lines not written because of sampling")
                .register(registry);
    }

    @Override
    public void log(RequestLog entry) {
        if (!log.isInfoEnabled()) {
            return;
        }
        HttpStatus status = entry.responseHeaders().status();
        if (status != HttpStatus.INTERNAL_SERVER_ERROR && !budget.tryConsume(1)) {
            skipped.increment();
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.ofEpochMilli(entry.requestStartTimeMillis()).toString());
        line.put(
                "client",
                entry.context() instanceof ServiceRequestContext ctx
                        ? identity.of(ctx).getHostAddress()
                        : null);
        line.put("method", entry.requestHeaders().method().name());
        line.put("path", entry.requestHeaders().path().split("\\?", 2)[0]);
        line.put("class", RequestClass.tagOf(entry.context()));
        line.put("status", status.code());
        line.put(
                "protocol",
                entry.sessionProtocol() == null ? null : entry.sessionProtocol().uriText());
        line.put("ms", entry.totalDurationNanos() / 1_000_000.0);
        line.put("bytes", entry.responseLength());
        if (entry.responseCause() != null) {
            line.put("cause", entry.responseCause().getClass().getSimpleName());
        }
        try {
            log.info(mapper.writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn("access log line could not be written", e);
        }
    }
}
