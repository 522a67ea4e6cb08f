package io.chatda.shared;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis connection, made when it is first needed and made again after a failed attempt (at most one attempt
 * per {@link #RETRY}) without blocking its callers; only the first commands, as a server starts, wait a moment for
 * the very first attempt. Once made, Lettuce reconnects it by itself. A server whose
 * Redis is down when it starts, or slow to answer a new connection's hand-shake, so starts anyway and uses Redis
 * once it answers; until then its callers fall back (local buckets, a dropped query-log event, a retried read).
 */
public final class RedisLink<K, V> {

    /** How long after a failed attempt to connect the next one is made. */
    public static final Duration RETRY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final Supplier<CompletableFuture<StatefulRedisConnection<K, V>>> connect;
    private final LongSupplier nanoTime;
    private final Duration firstWait;
    private volatile StatefulRedisConnection<K, V> connection;
    private CompletableFuture<StatefulRedisConnection<K, V>> attempt; // guarded by this: the one under way
    private long notBefore; // guarded by this: nanoTime of the next attempt
    private boolean failedBefore; // guarded by this: the first failure is logged, the rest only counted by callers
    private boolean closed; // guarded by this

    /**
     * @param firstWait how long {@link #get()} waits for the very first attempt (a server's first commands, made
     *     as it starts, find the connection made); after a failure nothing waits
     */
    RedisLink(
            Supplier<CompletableFuture<StatefulRedisConnection<K, V>>> connect,
            LongSupplier nanoTime,
            Duration firstWait) {
        this.connect = connect;
        this.nanoTime = nanoTime;
        this.firstWait = firstWait;
        this.notBefore = nanoTime.getAsLong();
    }

    /** The connection if it is made; if not, an attempt is started when one is due, and this is empty. */
    public Optional<StatefulRedisConnection<K, V>> now() {
        StatefulRedisConnection<K, V> made = connection;
        if (made == null) {
            startAttemptIfDue();
            made = connection;
        }
        return Optional.ofNullable(made);
    }

    /**
     * The connection, or Lettuce's {@link RedisConnectionException} when it is not made yet.
     *
     * @throws RedisConnectionException while Redis has not answered
     */
    public StatefulRedisConnection<K, V> get() {
        Optional<StatefulRedisConnection<K, V>> made = now();
        if (made.isEmpty()) {
            awaitFirstAttempt();
            made = Optional.ofNullable(connection);
        }
        return made.orElseThrow(() -> new RedisConnectionException("not connected to Redis (yet)"));
    }

    private void awaitFirstAttempt() {
        CompletableFuture<StatefulRedisConnection<K, V>> first;
        synchronized (this) {
            first = failedBefore ? null : attempt;
        }
        if (first != null) {
            try {
                first.get(firstWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // settled (or not) by settle(): the caller falls back
            }
        }
    }

    /** Whether the connection is made (it may still be reconnecting after Redis went away). */
    public boolean connected() {
        return connection != null;
    }

    private synchronized void startAttemptIfDue() {
        if (closed || attempt != null || connection != null || nanoTime.getAsLong() < notBefore) {
            return;
        }
        CompletableFuture<StatefulRedisConnection<K, V>> started;
        try {
            started = connect.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        // settle() runs before this future completes: whoever waits on it then finds the connection set. It takes
        // this lock, so it cannot clear the attempt before it is recorded here; done already, it was settled inline
        CompletableFuture<StatefulRedisConnection<K, V>> settled = started.whenComplete(this::settle);
        if (!settled.isDone()) {
            attempt = settled;
        }
    }

    private synchronized void settle(StatefulRedisConnection<K, V> made, Throwable error) {
        attempt = null;
        if (error != null) {
            notBefore = nanoTime.getAsLong() + RETRY.toNanos();
            if (!failedBefore) {
                failedBefore = true;
                log.warn("Redis: could not connect; trying again every {} meanwhile", RETRY, error);
            }
        } else if (closed) {
            made.closeAsync();
        } else {
            connection = made;
            if (failedBefore) {
                log.info("Redis: connected");
            }
        }
    }

    /** Closes the connection if it was made; a later attempt's connection is closed as it arrives. */
    synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
    }
}
