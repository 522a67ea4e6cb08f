package io.chatda.shared;

import io.lettuce.core.XAddArgs;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A query replica's side of the query log: every event is appended to a Redis Stream that the indexer
 * consumes ({@link QueryLogConsumer}). Appends are asynchronous and never fail the search that caused
 * them: a failed append is counted and dropped. The stream is capped near {@link #MAX_LENGTH} entries
 * so it stays bounded while the indexer is away.
 */
public final class QueryLogStream implements QueryEvents, MeterBinder {

    /** The stream's Redis key. */
    public static final String KEY = "chatda:querylog";
    /** About this many entries are kept when the indexer does not consume them. */
    public static final long MAX_LENGTH = 1_000_000;

    static final String KIND = "kind";
    static final String TEXT = "text";
    static final String HITS = "hits";
    static final String CLIENT = "client";
    static final String SEARCH = "search";
    static final String PICK = "pick";

    private final RedisLink<String, String> redis;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public QueryLogStream(RedisConnection redis) {
        this.redis = redis.strings();
    }

    @Override
    public void search(String query, long hits, String client) {
        append(Map.of(KIND, SEARCH, TEXT, query, HITS, Long.toString(hits), CLIENT, client));
    }

    @Override
    public void pick(String text, String client) {
        append(Map.of(KIND, PICK, TEXT, text, CLIENT, client));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("chatda.querylog.stream.appended", appended, AtomicLong::get)
                .description("query-log events appended to the Redis stream")
                .register(registry);
        FunctionCounter.builder("chatda.querylog.stream.dropped", dropped, AtomicLong::get)
                .description("query-log events lost because Redis did not take them")
                .register(registry);
    }

    /** Events Redis took. */
    public long appended() {
        return appended.get();
    }

    /** Events lost because Redis did not take them (unreachable, not connected yet, or failing). */
    public long dropped() {
        return dropped.get();
    }

    private void append(Map<String, String> event) {
        try {
            redis.get()
                    .async()
                    .xadd(KEY, XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(), event)
                    .whenComplete((id, error) -> (error == null ? appended : dropped).incrementAndGet());
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
        }
    }
}
