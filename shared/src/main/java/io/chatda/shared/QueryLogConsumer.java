package io.chatda.shared;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's side of the query log: one thread reads the replicas' stream ({@link QueryLogStream})
 * through a consumer group and hands each event to the local query log, acknowledging it after. Events
 * it read but had not acknowledged when it stopped are read again at the next start, so a restart loses
 * none. Failures (Redis away, a malformed entry) are logged with their stack trace, counted, and retried
 * with a capped backoff; the thread never dies of them.
 */
public final class QueryLogConsumer implements MeterBinder, AutoCloseable {

    static final String GROUP = "indexer";
    private static final int BATCH = 500;
    private static final Duration BLOCK = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(QueryLogConsumer.class);

    private final RedisLink<String, String> redis;
    private final QueryEvents sink;
    private final String name;
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopping;
    private final CountDownLatch stop = new CountDownLatch(1);

    /**
     * @param name this consumer's name in the group (stable across restarts, e.g. the host name)
     */
    public QueryLogConsumer(RedisConnection redis, QueryEvents sink, String name) {
        this.redis = redis.strings();
        this.sink = sink;
        this.name = name;
        this.thread = new Thread(this::run, "querylog-stream");
        this.thread.setDaemon(true);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("chatda.querylog.stream.consumed", consumed, AtomicLong::get)
                .description("query-log events taken from the Redis stream into the query log")
                .register(registry);
        FunctionCounter.builder("chatda.background.failures", failures, AtomicLong::get)
                .tag("task", "querylog-stream")
                .description("background task runs that failed")
                .register(registry);
    }

    /** Events handed to the query log. */
    public long consumed() {
        return consumed.get();
    }

    /** Reads that failed, and entries skipped as malformed. */
    public long failures() {
        return failures.get();
    }

    /** Starts the consuming thread. */
    public QueryLogConsumer start() {
        thread.start();
        return this;
    }

    private void run() {
        long backoffMillis = 100;
        boolean pendingFirst = true;
        while (!stopping) {
            try {
                if (pendingFirst) { // at the start and after a failure (Redis may have come back empty)
                    ensureGroup();
                }
                int n = readOnce(pendingFirst);
                pendingFirst = pendingFirst && n > 0;
                backoffMillis = 100;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                failures.incrementAndGet();
                log.warn("query-log stream: read failed; retrying in {} ms", backoffMillis, e);
                pendingFirst = true; // what was read and not acknowledged is read again
                pause(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void ensureGroup() {
        try {
            commands()
                    .xgroupCreate(
                            XReadArgs.StreamOffset.from(QueryLogStream.KEY, "0"),
                            GROUP,
                            XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyThere) {
            // BUSYGROUP: the group exists, as it does after the first start
        }
    }

    /** The connection, with a timeout that lets a blocking read wait its time. */
    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> connection = redis.get();
        connection.setTimeout(BLOCK.plus(RedisConnection.COMMAND_TIMEOUT));
        return connection.sync();
    }

    /** Reads one batch: this consumer's unacknowledged entries first (after a restart), then new ones. */
    private int readOnce(boolean pending) {
        XReadArgs args = XReadArgs.Builder.count(BATCH);
        if (!pending) {
            args.block(BLOCK);
        }
        RedisCommands<String, String> commands = commands();
        List<StreamMessage<String, String>> batch = commands.xreadgroup(
                Consumer.from(GROUP, name),
                args,
                pending
                        ? XReadArgs.StreamOffset.from(QueryLogStream.KEY, "0")
                        : XReadArgs.StreamOffset.lastConsumed(QueryLogStream.KEY));
        for (StreamMessage<String, String> message : batch) {
            deliver(message.getBody());
            commands.xack(QueryLogStream.KEY, GROUP, message.getId());
            consumed.incrementAndGet();
        }
        return batch.size();
    }

    private void deliver(Map<String, String> event) {
        String text = event.get(QueryLogStream.TEXT);
        String client = event.getOrDefault(QueryLogStream.CLIENT, "");
        if (text == null) {
            failures.incrementAndGet();
            log.warn("query-log stream: an entry without text skipped: {}", event);
            return;
        }
        if (QueryLogStream.PICK.equals(event.get(QueryLogStream.KIND))) {
            sink.pick(text, client);
        } else {
            sink.search(text, parseHits(event.get(QueryLogStream.HITS)), client);
        }
    }

    private static long parseHits(String hits) {
        try {
            return hits == null ? 0 : Long.parseLong(hits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void pause(long millis) {
        try {
            stop.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /**
     * Stops reading and waits for the thread: at most the read's block time plus a command's timeout. The thread
     * is not interrupted: an interrupt would cut a batch between handing an event over and acknowledging it, and
     * the next start would hand that event over again.
     */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        stop.countDown();
        thread.join(BLOCK.plus(RedisConnection.COMMAND_TIMEOUT).plusSeconds(1).toMillis());
        redis.close();
    }
}
