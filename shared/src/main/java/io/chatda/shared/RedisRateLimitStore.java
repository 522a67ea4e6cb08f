package io.chatda.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chatda.server.LocalRateLimitStore;
import io.chatda.server.RateLimit;
import io.chatda.server.RateLimitStore;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-client token buckets in Redis (Bucket4j's Lettuce proxy manager, compare-and-swap per bucket), so
 * every replica behind the load balancer draws from the same bucket. Concurrent requests for one bucket
 * are batched into one round trip. When Redis fails or is slower than {@link RedisConnection#COMMAND_TIMEOUT},
 * requests are limited by this replica's own buckets for {@link #RETRY_AFTER} before Redis is tried
 * again: a request is never failed because Redis is down.
 */
public final class RedisRateLimitStore implements RateLimitStore, MeterBinder {

    /** How long a replica uses its local buckets after Redis failed, before it tries Redis again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final String KEY_PREFIX = "chatda:ratelimit:";
    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);

    private final RedisLink<String, byte[]> redis;
    private final Clock clock;
    /** Made on the first call after the connection is: Bucket4j's manager needs a connection to be built. */
    private volatile AsyncProxyManager<String> redisBuckets;
    /** Proxies kept per bucket: batching works within one proxy. */
    private final Cache<String, AsyncBucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();

    private final LocalRateLimitStore fallback;
    private final AtomicReference<Instant> redisDownUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public RedisRateLimitStore(RedisConnection redis, LocalRateLimitStore fallback, Clock clock) {
        this.redis = redis.stringsToBytes();
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, RateLimit limit) {
        if (clock.instant().isBefore(redisDownUntil.get())) {
            return local(key, limit);
        }
        CompletableFuture<ConsumptionProbe> remote;
        try {
            remote = proxies.get(
                            key + "/" + limit,
                            k -> redisBuckets()
                                    .builder()
                                    .withOptimization(Optimizations.batching())
                                    .build(
                                            KEY_PREFIX + key,
                                            () -> CompletableFuture.completedFuture(limit.bucketConfiguration())))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            remote = CompletableFuture.failedFuture(e);
        }
        return remote.handle((probe, error) ->
                        error == null ? CompletableFuture.completedFuture(probe) : redisFailed(error, key, limit))
                .thenCompose(f -> f);
    }

    private AsyncProxyManager<String> redisBuckets() {
        AsyncProxyManager<String> made = redisBuckets;
        if (made == null) {
            StatefulRedisConnection<String, byte[]> connection = redis.get();
            synchronized (this) {
                if (redisBuckets == null) {
                    redisBuckets = Bucket4jLettuce.casBasedBuilder(connection)
                            .clientClock(new ClockTimeMeter(clock))
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(10)))
                            .requestTimeout(RedisConnection.COMMAND_TIMEOUT)
                            .build()
                            .asAsync();
                }
                made = redisBuckets;
            }
        }
        return made;
    }

    private CompletableFuture<ConsumptionProbe> redisFailed(Throwable error, String key, RateLimit limit) {
        failures.incrementAndGet();
        Instant now = clock.instant();
        Instant previous = redisDownUntil.getAndSet(now.plus(RETRY_AFTER));
        if (!now.isBefore(previous)) {
            log.warn("Redis rate limits failed; local buckets for {}", RETRY_AFTER, error);
        }
        return local(key, limit);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("chatda.ratelimit.redis.fallbacks", fallbacks, AtomicLong::get)
                .description("rate-limit decisions made by local buckets because Redis was unreachable")
                .register(registry);
        Gauge.builder("chatda.ratelimit.redis.connected", this, s -> s.redisConnected() ? 1 : 0)
                .description("1 once the rate-limit store's Redis connection is made")
                .register(registry);
        FunctionCounter.builder("chatda.ratelimit.redis.failures", failures, AtomicLong::get)
                .description("Redis rate-limit calls that failed or timed out")
                .register(registry);
    }

    /** Whether this store's Redis connection is made (it is made in the background, at start and after failures). */
    public boolean redisConnected() {
        return redis.connected();
    }

    /** Decisions made by local buckets because Redis was unreachable. */
    public long fallbacks() {
        return fallbacks.get();
    }

    /** Redis calls that failed or timed out. */
    public long failures() {
        return failures.get();
    }

    private CompletableFuture<ConsumptionProbe> local(String key, RateLimit limit) {
        fallbacks.incrementAndGet();
        return fallback.tryConsume(key, limit);
    }
}
