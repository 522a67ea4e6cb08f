package io.chatda.server;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeadersBuilder;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Per-client token buckets (Bucket4j), one per client address and route class. A client over its
 * limit gets 429 with {@code Retry-After}; every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (IETF httpapi-ratelimit-headers). The client
 * is told apart by {@link ClientIdentity}. The buckets live in a {@link RateLimitStore}: this process's memory,
 * or a store every replica shares.
 */
final class ClientRateLimiter {

    private final Map<RequestClass, RateLimit> limits;
    private final Map<RequestClass, Counter> limited = new EnumMap<>(RequestClass.class);
    private final RateLimitStore buckets;
    private final JsonResponses json;

    private final ClientIdentity identity;

    ClientRateLimiter(
            Map<RequestClass, RateLimit> limits,
            RateLimitStore buckets,
            ClientIdentity identity,
            MeterRegistry registry,
            JsonResponses json) {
        this.limits = limits;
        this.buckets = buckets;
        this.identity = identity;
        this.json = json;
        for (RequestClass c : RequestClass.values()) {
            limited.put(
                    c,
                    Counter.builder("chatda.ratelimit.rejected")
                            .tag("class", c.tag())
                            .description("requests answered 429 by per-client rate limits")
                            .register(registry));
        }
    }

    /**
     * Passes the request to {@code delegate} or answers 429, by its client's bucket for the class set on its
     * context (a {@link com.linecorp.armeria.server.DecoratingHttpServiceFunction}); a class whose limit is
     * off passes everything.
     */
    HttpResponse limit(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        RequestClass c = RequestClass.required(ctx);
        RateLimit limit = limits.get(c);
        if (!limit.enabled()) {
            return delegate.serve(ctx, req);
        }
        String key = c.tag() + ":" + identity.of(ctx).getHostAddress();
        CompletableFuture<ConsumptionProbe> decided = buckets.tryConsume(key, limit);
        if (decided.isDone() && !decided.isCompletedExceptionally()) {
            // buckets in this process decide at once: no hop back onto the event loop
            return answer(c, limit, decided.join(), delegate, ctx, req);
        }
        return HttpResponse.of(
                decided.thenApplyAsync(probe -> answer(c, limit, probe, delegate, ctx, req), ctx.eventLoop()));
    }

    private HttpResponse answer(
            RequestClass c,
            RateLimit limit,
            ConsumptionProbe probe,
            HttpService delegate,
            ServiceRequestContext ctx,
            HttpRequest req) {
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            ctx.mutateAdditionalResponseHeaders(h -> h.set(LIMIT, Long.toString(limit.burst()))
                    .set(REMAINING, Long.toString(probe.getRemainingTokens()))
                    .set(RESET, Long.toString(reset)));
            try {
                return delegate.serve(ctx, req);
            } catch (Exception e) {
                return HttpResponse.ofFailure(e);
            }
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
