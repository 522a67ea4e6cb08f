package io.chatda.shared;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's Redis: one Lettuce client and the connections made from it. Commands fail fast while
 * Redis is unreachable instead of queueing (callers fall back to local state), time out after
 * {@link #COMMAND_TIMEOUT} (a connection may set its own, e.g. for blocking reads), and the connections reconnect on their own when Redis returns.
 */
public final class RedisConnection implements AutoCloseable {

    /** How long one command may take before its caller falls back. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);

    private final RedisClient client;
    private final List<StatefulRedisConnection<?, ?>> connections = new ArrayList<>();

    private RedisConnection(RedisClient client) {
        this.client = client;
    }

    /**
     * A client for {@code uri} ({@code redis://host:port[/db]}); connects lazily, per connection.
     *
     * @throws IllegalArgumentException for a malformed address
     */
    public static RedisConnection to(String uri) {
        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Redis address must look like redis://host:port, got '" + uri + "'", e);
        }
        parsed.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(parsed);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
        return new RedisConnection(client);
    }

    /** A new connection with string keys and values. */
    public StatefulRedisConnection<String, String> strings() {
        return open(StringCodec.UTF8);
    }

    /** A new connection with string keys and byte values (Bucket4j's bucket state). */
    public StatefulRedisConnection<String, byte[]> stringsToBytes() {
        return open(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    private synchronized <K, V> StatefulRedisConnection<K, V> open(RedisCodec<K, V> codec) {
        StatefulRedisConnection<K, V> connection = client.connect(codec);
        connections.add(connection);
        return connection;
    }

    @Override
    public synchronized void close() {
        for (StatefulRedisConnection<?, ?> connection : connections) {
            connection.close();
        }
        connections.clear();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
