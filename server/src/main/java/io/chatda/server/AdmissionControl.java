package io.chatda.server;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Server-side admission control: each {@link RequestClass} has a concurrency limit (adaptive to measured
 * latency, from Netflix concurrency-limits), and a class is shed entirely while a more important class is
 * being shed. A shed request is answered at once with 503 and {@code Retry-After}, before any work.
 * Within a class, the RFC 9218 {@code Priority} urgency is a hint: requests with urgency 4..7 (less
 * urgent than the default 3) may only use part of the limit, so they are shed before the rest. Time comes
 * from the injected nano source (the limiters measure latency with it too).
 */
final class AdmissionControl {

    /** While a class has shed within this window, every less important class is shed. */
    static final long PRESSURE_WINDOW_NANOS = 250_000_000L;

    static final int DEFAULT_URGENCY = 3;
    private static final io.netty.util.AsciiString PRIORITY = HttpHeaderNames.of("priority");

    /** Why a request was shed, as the {@code reason} tag of {@code chatda_admission_shed_total}. */
    enum ShedReason {
        /** Its class was at its concurrency limit (or its urgency's share of it). */
        LIMIT,
        /** A more important class was shed within the pressure window. */
        PRESSURE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<RequestClass, SimpleLimiter<Void>> limiters = new EnumMap<>(RequestClass.class);
    private final Map<RequestClass, Map<ShedReason, Counter>> shed = new EnumMap<>(RequestClass.class);
    private final long[] lastShed = new long[RequestClass.values().length];
    private final JsonResponses json;
    private final LongSupplier nanoTime;

    AdmissionControl(
            Map<RequestClass, ConcurrencyLimit> limits,
            MeterRegistry registry,
            JsonResponses json,
            LongSupplier nanoTime) {
        this.json = json;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        for (RequestClass c : RequestClass.values()) {
            SimpleLimiter<Void> limiter = SimpleLimiter.newBuilder()
                    .named(c.tag())
                    .limit(limit(limits.get(c)))
                    .nanoClock(nanoTime)
                    .build();
            limiters.put(c, limiter);
            lastShed[c.ordinal()] = now - 2 * PRESSURE_WINDOW_NANOS;
            Gauge.builder("chatda.admission.limit", limiter, SimpleLimiter::getLimit)
                    .tag("class", c.tag())
                    .description("current concurrency limit of the class")
                    .register(registry);
            Gauge.builder("chatda.admission.inflight", limiter, SimpleLimiter::getInflight)
                    .tag("class", c.tag())
                    .description("requests of the class in flight")
                    .register(registry);
            Map<ShedReason, Counter> counters = new EnumMap<>(ShedReason.class);
            for (ShedReason reason : ShedReason.values()) {
                counters.put(
                        reason,
                        Counter.builder("chatda.admission.shed")
                                .tag("class", c.tag())
                                .tag("reason", reason.tag())
                                .description("requests answered 503 by admission control")
                                .register(registry));
            }
            shed.put(c, counters);
        }
    }

    private static Limit limit(ConcurrencyLimit spec) {
        if (!spec.adaptive()) {
            return FixedLimit.of(spec.initial());
        }
        return Gradient2Limit.newBuilder()
                .initialLimit(spec.initial())
                .minLimit(spec.min())
                .maxConcurrency(spec.max())
                .build();
    }

    /**
     * Admits the request to {@code delegate} or sheds it, by the class set on its context (a
     * {@link com.linecorp.armeria.server.DecoratingHttpServiceFunction}).
     */
    HttpResponse admit(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        RequestClass c = RequestClass.required(ctx);
        long now = nanoTime.getAsLong();
        for (int higher = 0; higher < c.ordinal(); higher++) {
            if (now - lastShed[higher] < PRESSURE_WINDOW_NANOS) {
                return shed(c, ShedReason.PRESSURE, now, "server busy: more important requests come first");
            }
        }
        SimpleLimiter<Void> limiter = limiters.get(c);
        int urgency = urgency(req.headers());
        if (urgency > DEFAULT_URGENCY) {
            int limit = limiter.getLimit();
            int share = Math.max(1, limit - limit * (urgency - DEFAULT_URGENCY) / 8);
            if (limiter.getInflight() >= share) {
                return shed(c, ShedReason.LIMIT, now, "server busy");
            }
        }
        Optional<Limiter.Listener> admitted = limiter.acquire(null);
        if (admitted.isEmpty()) {
            return shed(c, ShedReason.LIMIT, now, "server busy");
        }
        Limiter.Listener listener = admitted.get();
        ctx.log().whenComplete().thenAccept(log -> {
            HttpStatus status = log.responseHeaders().status();
            if (ctx.isCancelled() || status == HttpStatus.SERVICE_UNAVAILABLE) {
                // timed out or abandoned: the work was lost, a signal of overload
                listener.onDropped();
            } else if (status.isServerError()) {
                listener.onIgnore();
            } else {
                listener.onSuccess();
            }
        });
        return delegate.serve(ctx, req);
    }

    private HttpResponse shed(RequestClass c, ShedReason reason, long now, String message) {
        shed.get(c).get(reason).increment();
        lastShed[c.ordinal()] = now;
        return json.busy(message);
    }

    /** The current limit of a class (for tests and metrics). */
    int limit(RequestClass c) {
        return limiters.get(c).getLimit();
    }

    /**
     * The urgency of an RFC 9218 {@code Priority} header ({@code u=0} most urgent .. {@code u=7} least),
     * or the default 3 when absent or unreadable.
     */
    static int urgency(RequestHeaders headers) {
        String priority = headers.get(PRIORITY);
        if (priority == null) {
            return DEFAULT_URGENCY;
        }
        for (String member : priority.split(",")) {
            String m = member.strip();
            if (m.length() == 3
                    && m.charAt(0) == 'u'
                    && m.charAt(1) == '='
                    && m.charAt(2) >= '0'
                    && m.charAt(2) <= '7') {
                return m.charAt(2) - '0';
            }
        }
        return DEFAULT_URGENCY;
    }
}
