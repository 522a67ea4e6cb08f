package io.chatda.server;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.CompletableFuture;

/**
 * Where the per-client token buckets live: in this process ({@link LocalRateLimitStore}), or in a store
 * every replica of a cluster shares, so a client's limit holds however the load balancer spreads its
 * requests. Asynchronous because a shared store is a network round trip and the caller is an event loop.
 */
public interface RateLimitStore extends AutoCloseable {

    /**
     * Takes one token from the bucket named {@code key}, creating it full with {@code limit} if it is new.
     * The future never completes exceptionally for a store that can fall back; callers treat an
     * exceptional completion as a server error.
     */
    CompletableFuture<ConsumptionProbe> tryConsume(String key, RateLimit limit);

    @Override
    default void close() {}
}
