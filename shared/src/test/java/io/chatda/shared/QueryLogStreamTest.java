package io.chatda.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryLogStreamTest {

    @TempDir
    Path dir;

    /** Records what the consumer hands over, as "search q hits client" / "pick text client". */
    private static final class Recorded implements QueryEvents {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void search(String query, long hits, String client) {
            events.add("search " + query + " " + hits + " " + client);
        }

        @Override
        public void pick(String text, String client) {
            events.add("pick " + text + " " + client);
        }
    }

    @Test
    void eventsFromTwoReplicasReachTheIndexersQueryLogOnceEach() throws Exception {
        try (RedisServerProcess redis = LocalRedis.start(dir);
                RedisConnection connection = RedisConnection.to(redis.uri())) {
            var replicaA = new QueryLogStream(connection);
            var replicaB = new QueryLogStream(connection);
            var log = new Recorded();
            QueryLogConsumer consumer = new QueryLogConsumer(connection, log, "indexer-0");
            try (consumer) {
                consumer.start();
                replicaA.search("검색 엔진", 12, "10.0.0.1");
                replicaB.pick("검색", "10.0.0.2");
                replicaB.search("redis", 0, "10.0.0.3");
                await(() -> log.events.size() >= 3);
            }
            assertThat(log.events)
                    .containsExactlyInAnyOrder(
                            "search 검색 엔진 12 10.0.0.1", "pick 검색 10.0.0.2", "search redis 0 10.0.0.3");
            assertThat(replicaA.appended()).isEqualTo(1);
            assertThat(consumer.consumed()).isEqualTo(3);
        }
    }

    @Test
    void whatWasReadButNotAcknowledgedBeforeACrashIsReadAgainAndAMalformedEntryIsSkipped() throws Exception {
        try (RedisServerProcess redis = LocalRedis.start(dir);
                RedisConnection connection = RedisConnection.to(redis.uri())) {
            var raw = connection.strings().get().sync();
            raw.xgroupCreate(
                    XReadArgs.StreamOffset.from(QueryLogStream.KEY, "0"),
                    QueryLogConsumer.GROUP,
                    XGroupCreateArgs.Builder.mkstream());
            var replica = new QueryLogStream(connection);
            replica.search("before crash", 3, "c1");
            raw.xadd(QueryLogStream.KEY, Map.of("kind", "search", "hits", "1"));
            await(() -> raw.xlen(QueryLogStream.KEY) == 2);
            // the indexer read both, then died before acknowledging them
            assertThat(raw.xreadgroup(
                            Consumer.from(QueryLogConsumer.GROUP, "indexer-0"),
                            XReadArgs.StreamOffset.lastConsumed(QueryLogStream.KEY)))
                    .hasSize(2);

            var log = new Recorded();
            QueryLogConsumer consumer = new QueryLogConsumer(connection, log, "indexer-0");
            try (consumer) {
                consumer.start();
                replica.search("after restart", 5, "c2");
                await(() -> log.events.size() >= 2);
            }
            assertThat(log.events).containsExactly("search before crash 3 c1", "search after restart 5 c2");
            assertThat(consumer.failures()).as("the entry without text").isEqualTo(1);
            assertThat(raw.xpending(QueryLogStream.KEY, QueryLogConsumer.GROUP).getCount())
                    .isZero();
        }
    }

    @Test
    void closingWhileAnEventIsHandedOverStillAcknowledgesIt() throws Exception {
        try (RedisServerProcess redis = LocalRedis.start(dir);
                RedisConnection connection = RedisConnection.to(redis.uri())) {
            CountDownLatch handingOver = new CountDownLatch(1);
            List<String> seen = new CopyOnWriteArrayList<>();
            QueryEvents slowSink = new QueryEvents() {
                @Override
                public void search(String query, long hits, String client) {
                    handingOver.countDown();
                    long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // the local query log writing, busy as it may be when the stop comes
                    }
                    seen.add(query);
                }

                @Override
                public void pick(String text, String client) {}
            };
            QueryLogConsumer consumer = new QueryLogConsumer(connection, slowSink, "indexer-0").start();
            new QueryLogStream(connection).search("mid-handover", 1, "c1");
            assertThat(handingOver.await(10, TimeUnit.SECONDS)).isTrue();
            consumer.close();

            assertThat(seen).containsExactly("mid-handover");
            assertThat(consumer.consumed()).as("acknowledged").isEqualTo(1);
            assertThat(connection
                            .strings()
                            .get()
                            .sync()
                            .xpending(QueryLogStream.KEY, QueryLogConsumer.GROUP)
                            .getCount())
                    .as("left to be handed over again at the next start")
                    .isZero();
        }
    }

    @Test
    void aReplicaStartedBeforeRedisDropsAndCountsItsEventsThenAppendsOnceRedisAnswers() throws Exception {
        int port = LocalRedis.freePort();
        try (RedisConnection connection = RedisConnection.to("redis://127.0.0.1:" + port)) {
            var replica = new QueryLogStream(connection);
            replica.search("before redis", 1, "c1");
            assertThat(replica.dropped()).isEqualTo(1);
            assertThat(replica.appended()).isZero();
            try (RedisServerProcess redis = RedisServerProcess.start(port, dir.resolve("late.log"))) {
                await(() -> {
                    replica.search("after redis", 2, "c2");
                    return replica.appended() >= 1;
                });
                var log = new Recorded();
                try (QueryLogConsumer consumer = new QueryLogConsumer(connection, log, "indexer-0").start()) {
                    await(() -> !log.events.isEmpty());
                }
                assertThat(log.events).allMatch(e -> e.equals("search after redis 2 c2"));
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
