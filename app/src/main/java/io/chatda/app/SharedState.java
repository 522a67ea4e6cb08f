package io.chatda.app;

import io.chatda.server.LocalRateLimitStore;
import io.chatda.server.RateLimitStore;
import io.chatda.shared.QueryEvents;
import io.chatda.shared.QueryLogConsumer;
import io.chatda.shared.QueryLogStream;
import io.chatda.shared.RedisConnection;
import io.chatda.shared.RedisRateLimitStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server shares with the rest of its cluster through Redis ({@code --redis}): per-client rate limits
 * (local buckets while Redis is away), and the query log, which replicas append to a stream the indexer
 * consumes. Without Redis the server keeps both to itself, as a single server does.
 */
final class SharedState implements MeterBinder, AutoCloseable {

    private final RedisConnection redis;
    private final RateLimitStore rateLimits;
    private final List<MeterBinder> meters = new ArrayList<>();
    private final List<AutoCloseable> started = new ArrayList<>();

    private SharedState(RedisConnection redis, RateLimitStore rateLimits) {
        this.redis = redis;
        this.rateLimits = rateLimits;
        if (rateLimits instanceof MeterBinder binder) {
            meters.add(binder);
        }
    }

    /** A server's own state: buckets in memory, the query log on its disk. */
    static SharedState local() {
        return new SharedState(null, new LocalRateLimitStore(System::nanoTime));
    }

    /**
     * State shared through the Redis at {@code uri}, or {@link #local()} when it is null. Connections are made in the background ({@link io.chatda.shared.RedisLink}): a Redis
     * that is down at start is used once it is up.
     *
     * @throws UsageException for a malformed address
     */
    static SharedState of(String uri, Clock clock) {
        if (uri == null) {
            return local();
        }
        RedisConnection redis;
        try {
            redis = RedisConnection.to(uri);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new SharedState(redis, new RedisRateLimitStore(redis, new LocalRateLimitStore(System::nanoTime), clock));
    }

    boolean shared() {
        return redis != null;
    }

    RateLimitStore rateLimits() {
        return rateLimits;
    }

    /** Where a replica's query events go: the Redis stream. */
    QueryEvents queryLogStream() {
        requireRedis();
        QueryLogStream stream = new QueryLogStream(redis);
        meters.add(stream);
        return stream;
    }

    /** Starts moving the replicas' query events from the stream into {@code log} (an indexer's). */
    void consumeQueryLog(QueryEvents log) {
        requireRedis();
        QueryLogConsumer consumer = new QueryLogConsumer(redis, log, consumerName());
        meters.add(consumer);
        started.add(consumer);
        consumer.start();
    }

    private void requireRedis() {
        if (redis == null) {
            throw new IllegalStateException("no Redis configured");
        }
    }

    private static String consumerName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "indexer";
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.forEach(m -> m.bindTo(registry));
    }

    /** Stops the consumer, then closes the connection; all of them even if one fails (the first failure is thrown). */
    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(started);
        if (redis != null) {
            all.add(redis);
        }
        CloseAll.close("the shared state", all.toArray(AutoCloseable[]::new));
    }
}
