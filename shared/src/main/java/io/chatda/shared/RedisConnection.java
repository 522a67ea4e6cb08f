package io.chatda.shared;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's Redis: one Lettuce client and the connections made from it. Each connection is a {@link RedisLink},
 * made when first needed, so a server starts whether or not Redis answers yet. Commands fail fast while Redis is
 * unreachable instead of queueing (callers fall back to local state), time out after {@link #COMMAND_TIMEOUT} (a
 * connection may set its own, e.g. for blocking reads), and made connections reconnect on their own when Redis
 * returns.
 */
public final class RedisConnection implements AutoCloseable {

    /** How long one command may take before its caller falls back. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);

    /** How long the first command waits for the connection being made as the server starts. */
    static final Duration CONNECT_WAIT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final RedisURI uri;
    private final List<RedisLink<?, ?>> links = new ArrayList<>();

    private RedisConnection(RedisClient client, RedisURI uri) {
        this.client = client;
        this.uri = uri;
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
        return new RedisConnection(client, parsed);
    }

    /** A new connection with string keys and values, made when first used. */
    public RedisLink<String, String> strings() {
        return link(StringCodec.UTF8);
    }

    /** A new connection with string keys and byte values (Bucket4j's bucket state), made when first used. */
    public RedisLink<String, byte[]> stringsToBytes() {
        return link(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    private synchronized <K, V> RedisLink<K, V> link(RedisCodec<K, V> codec) {
        RedisLink<K, V> link = new RedisLink<>(
                () -> client.connectAsync(codec, uri).toCompletableFuture(), System::nanoTime, CONNECT_WAIT);
        links.add(link);
        link.now(); // the first attempt starts now, not at the first command
        return link;
    }

    @Override
    public synchronized void close() {
        for (RedisLink<?, ?> link : links) {
            link.close();
        }
        links.clear();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
