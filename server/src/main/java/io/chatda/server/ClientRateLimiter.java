package io.chatda.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Per-client token buckets (Bucket4j), one per client address and route class. A client over its
 * limit gets 429 with {@code Retry-After}; every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (IETF httpapi-ratelimit-headers). The client
 * is told apart by {@link ClientIdentity}.
 */
final class ClientRateLimiter {

    private record Key(RequestClass requestClass, InetAddress client) {
    }

    private final Map<RequestClass, RateLimit> limits;
    private final Map<RequestClass, Counter> limited = new EnumMap<>(RequestClass.class);
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final JsonResponses json;

    private final ClientIdentity identity;

    ClientRateLimiter(Map<RequestClass, RateLimit> limits, ClientIdentity identity, MeterRegistry registry,
                      JsonResponses json) {
        this.limits = limits;
        this.identity = identity;
        this.json = json;
        for (RequestClass c : RequestClass.values()) {
            limited.put(c, Counter.builder("chatda.ratelimit.rejected").tag("class", c.tag())
                    .description("requests answered 429 by per-client rate limits").register(registry));
        }
    }

    /** A decorator limiting each client's requests of class {@code c}; no-op when that limit is off. */
    Function<? super HttpService, ? extends HttpService> decorator(RequestClass c) {
        RateLimit limit = limits.get(c);
        return delegate -> !limit.enabled() ? delegate : new SimpleDecoratingHttpService(delegate) {
            @Override
            public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
                return limit(c, limit, (HttpService) unwrap(), ctx, req);
            }
        };
    }

    private HttpResponse limit(RequestClass c, RateLimit limit, HttpService delegate, ServiceRequestContext ctx,
                               HttpRequest req) throws Exception {
        Bucket bucket = buckets.get(new Key(c, identity.of(ctx)), k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            ctx.mutateAdditionalResponseHeaders(h -> h
                    .set(LIMIT, Long.toString(limit.burst()))
                    .set(REMAINING, Long.toString(probe.getRemainingTokens()))
                    .set(RESET, Long.toString(reset)));
            return delegate.serve(ctx, req);
        }
        limited.get(c).increment();
        var answer = json.error(HttpStatus.TOO_MANY_REQUESTS, "too many requests: slow down");
        ResponseHeadersBuilder headers = answer.headers().toBuilder()
                .set(HttpHeaderNames.RETRY_AFTER, Long.toString(Math.max(1, seconds(probe.getNanosToWaitForRefill()))))
                .set(LIMIT, Long.toString(limit.burst()))
                .set(REMAINING, "0")
                .set(RESET, Long.toString(reset));
        return HttpResponse.of(headers.build(), answer.content());
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static final io.netty.util.AsciiString LIMIT = HttpHeaderNames.of("ratelimit-limit");
    private static final io.netty.util.AsciiString REMAINING = HttpHeaderNames.of("ratelimit-remaining");
    private static final io.netty.util.AsciiString RESET = HttpHeaderNames.of("ratelimit-reset");
}
