package io.chatda.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Token buckets in this process's memory (Bucket4j behind a Caffeine map that forgets a client ten
 * minutes after its last request): the store of a single server, and the fallback of a shared one.
 */
public final class LocalRateLimitStore implements RateLimitStore {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final TimeMeter time;

    /** Buckets that refill on {@code nanoTime}, a monotonic source such as {@link System#nanoTime}. */
    public LocalRateLimitStore(LongSupplier nanoTime) {
        this.time = timeMeter(nanoTime);
    }

    /** Bucket4j's clock over a nano source (monotonic, not wall-clock). */
    static TimeMeter timeMeter(LongSupplier nanoTime) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** The same as {@link #tryConsume} without the future, for callers on this process's own path. */
    public ConsumptionProbe consume(String key, RateLimit limit) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(limit.bandwidth())
                        .build());
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, RateLimit limit) {
        return CompletableFuture.completedFuture(consume(key, limit));
    }
}
