package io.chatda.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.server.LocalRateLimitStore;
import io.chatda.server.RateLimit;
import io.chatda.testing.MovableClock;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisRateLimitStoreTest {

    private static final RateLimit TEN = RateLimit.parse("10/10");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void twoReplicasDrawFromOneBucket() throws Exception {
        try (RedisServerProcess redis = LocalRedis.start(dir);
                RedisConnection connection = RedisConnection.to(redis.uri())) {
            var a = new RedisRateLimitStore(connection, new LocalRateLimitStore(clock::nanos), clock);
            var b = new RedisRateLimitStore(connection, new LocalRateLimitStore(clock::nanos), clock);
            awaitConnected(a, b);

            int admitted = 0;
            for (int i = 0; i < 30; i++) {
                ConsumptionProbe probe =
                        (i % 2 == 0 ? a : b).tryConsume("search:10.0.0.7", TEN).get();
                admitted += probe.isConsumed() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(10);
            assertThat(b.tryConsume("search:10.0.0.8", TEN).get().isConsumed())
                    .as("another client has its own bucket")
                    .isTrue();

            clock.advance(Duration.ofMillis(500));
            int afterHalfASecond = 0;
            for (int i = 0; i < 10; i++) {
                afterHalfASecond += a.tryConsume("search:10.0.0.7", TEN).get().isConsumed() ? 1 : 0;
            }
            assertThat(afterHalfASecond).as("refilled at 10 per second").isEqualTo(5);
            assertThat(a.fallbacks()).isZero();
        }
    }

    @Test
    void withRedisGoneLocalBucketsLimitAndNothingFailsThenRedisIsUsedAgain() throws Exception {
        RedisServerProcess redis = LocalRedis.start(dir);
        int port = redis.port();
        try (RedisConnection connection = RedisConnection.to(redis.uri())) {
            var store = new RedisRateLimitStore(connection, new LocalRateLimitStore(clock::nanos), clock);
            awaitConnected(store);
            assertThat(store.tryConsume("search:10.0.0.9", TEN).get().isConsumed())
                    .isTrue();

            redis.close();
            int admitted = 0;
            for (int i = 0; i < 30; i++) {
                admitted += store.tryConsume("search:10.0.0.9", TEN).get().isConsumed() ? 1 : 0;
            }
            assertThat(admitted).as("the local bucket's 10, no request failed").isEqualTo(10);
            assertThat(store.fallbacks()).isEqualTo(30);
            assertThat(store.failures()).isEqualTo(1);

            try (RedisServerProcess back = RedisServerProcess.start(port, dir.resolve("again.log"))) {
                long failed = awaitRedisUsedAgain(store);
                int fromRedis = 0;
                for (int i = 0; i < 12; i++) {
                    fromRedis += store.tryConsume("search:10.0.0.10", TEN).get().isConsumed() ? 1 : 0;
                }
                assertThat(fromRedis).as("a fresh bucket in the new Redis").isEqualTo(10);
                assertThat(store.failures()).isEqualTo(failed);
            }
        }
    }

    @Test
    void aStoreMadeWhileRedisIsDownLimitsLocallyThenUsesRedisOnceItAnswers() throws Exception {
        int port = LocalRedis.freePort();
        try (RedisConnection connection = RedisConnection.to("redis://127.0.0.1:" + port)) {
            var store = new RedisRateLimitStore(connection, new LocalRateLimitStore(clock::nanos), clock);
            int admitted = 0;
            for (int i = 0; i < 15; i++) {
                admitted += store.tryConsume("search:10.0.0.11", TEN).get().isConsumed() ? 1 : 0;
            }
            assertThat(admitted).as("the local bucket's 10, no request failed").isEqualTo(10);
            assertThat(store.fallbacks()).isEqualTo(15);
            assertThat(store.redisConnected()).isFalse();

            try (RedisServerProcess redis = RedisServerProcess.start(port, dir.resolve("late.log"))) {
                awaitRedisUsedAgain(store);
                assertThat(store.redisConnected()).isTrue();
                int fromRedis = 0;
                for (int i = 0; i < 12; i++) {
                    fromRedis += store.tryConsume("search:10.0.0.12", TEN).get().isConsumed() ? 1 : 0;
                }
                assertThat(fromRedis).as("a bucket in Redis").isEqualTo(10);
            }
        }
    }

    private static void awaitConnected(RedisRateLimitStore... stores) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (RedisRateLimitStore store : stores) {
            while (!store.redisConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not connected to Redis within 10 s");
                }
                Thread.sleep(10);
            }
        }
    }

    /** Moves the clock past the fallback period until a call goes to Redis; the failures counted by then. */
    private long awaitRedisUsedAgain(RedisRateLimitStore store) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            clock.advance(RedisRateLimitStore.RETRY_AFTER.plusMillis(1));
            long before = store.fallbacks();
            store.tryConsume("search:probe", TEN).get();
            if (store.fallbacks() == before) {
                return store.failures();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Redis was not used again after it came back");
    }
}
