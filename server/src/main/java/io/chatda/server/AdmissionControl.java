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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Server-side admission control: each {@link RequestClass} has a concurrency limit (adaptive to measured
 * latency, from Netflix concurrency-limits), and a class is shed entirely while a more important class is
 * being shed. A shed request is answered at once with 503 and {@code Retry-After}, before any work.
 * Within a class, the RFC 9218 {@code Priority} urgency is a hint: requests with urgency 4..7 (less
 * urgent than the default 3) may only use part of the limit, so they are shed before the rest.
 */
final class AdmissionControl {

    /** While a class has shed within this window, every less important class is shed. */
    static final long PRESSURE_WINDOW_NANOS = 250_000_000L;

    private final Map<RequestClass, SimpleLimiter<Void>> limiters = new EnumMap<>(RequestClass.class);
    private final Map<RequestClass, Counter> shedByLimit = new EnumMap<>(RequestClass.class);
    private final Map<RequestClass, Counter> shedByPressure = new EnumMap<>(RequestClass.class);
    private final long[] lastShed = new long[RequestClass.values().length];
    private final JsonResponses json;

    AdmissionControl(Map<RequestClass, ConcurrencyLimit> limits, MeterRegistry registry, JsonResponses json) {
        this.json = json;
        long now = System.nanoTime();
        for (RequestClass c : RequestClass.values()) {
            SimpleLimiter<Void> limiter = SimpleLimiter.newBuilder().named(c.tag()).limit(limit(limits.get(c))).build();
            limiters.put(c, limiter);
            lastShed[c.ordinal()] = now - 2 * PRESSURE_WINDOW_NANOS;
            Gauge.builder("chatda.admission.limit", limiter, SimpleLimiter::getLimit).tag("class", c.tag())
                    .description("current concurrency limit of the class").register(registry);
            Gauge.builder("chatda.admission.inflight", limiter, SimpleLimiter::getInflight).tag("class", c.tag())
                    .description("requests of the class in flight").register(registry);
            shedByLimit.put(c, Counter.builder("chatda.admission.shed").tag("class", c.tag()).tag("reason", "limit")
                    .description("requests answered 503 by admission control").register(registry));
            shedByPressure.put(c, Counter.builder("chatda.admission.shed").tag("class", c.tag()).tag("reason", "pressure")
                    .description("requests answered 503 by admission control").register(registry));
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

    /** A decorator admitting requests of class {@code c}. */
    Function<? super HttpService, ? extends HttpService> decorator(RequestClass c) {
        return delegate -> new com.linecorp.armeria.server.SimpleDecoratingHttpService(delegate) {
            @Override
            public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
                return admit(c, (HttpService) unwrap(), ctx, req);
            }
        };
    }

    private HttpResponse admit(RequestClass c, HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
            throws Exception {
        long now = System.nanoTime();
        for (int higher = 0; higher < c.ordinal(); higher++) {
            if (now - lastShed[higher] < PRESSURE_WINDOW_NANOS) {
                shedByPressure.get(c).increment();
                return shed(c, now, "server busy: more important requests come first");
            }
        }
        SimpleLimiter<Void> limiter = limiters.get(c);
        int urgency = urgency(req.headers());
        if (urgency > DEFAULT_URGENCY) {
            int limit = limiter.getLimit();
            int share = Math.max(1, limit - limit * (urgency - DEFAULT_URGENCY) / 8);
            if (limiter.getInflight() >= share) {
                shedByLimit.get(c).increment();
                return shed(c, now, "server busy");
            }
        }
        Optional<Limiter.Listener> admitted = limiter.acquire(null);
        if (admitted.isEmpty()) {
            shedByLimit.get(c).increment();
            return shed(c, now, "server busy");
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

    private HttpResponse shed(RequestClass c, long now, String message) {
        lastShed[c.ordinal()] = now;
        return json.busy(message);
    }

    /** The current limit of a class (for tests and metrics). */
    int limit(RequestClass c) {
        return limiters.get(c).getLimit();
    }

    static final int DEFAULT_URGENCY = 3;
    private static final io.netty.util.AsciiString PRIORITY = HttpHeaderNames.of("priority");

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
            if (m.length() == 3 && m.charAt(0) == 'u' && m.charAt(1) == '=' && m.charAt(2) >= '0' && m.charAt(2) <= '7') {
                return m.charAt(2) - '0';
            }
        }
        return DEFAULT_URGENCY;
    }
}
