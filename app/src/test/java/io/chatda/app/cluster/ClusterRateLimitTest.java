package io.chatda.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-client rate limits shared through Redis by three replicas behind HAProxy ({@code --rate-limit-search 10/10}):
 * one client's burst through the load balancer gets exactly its ten; with Redis stopped each replica limits on its
 * own and nothing fails. Run by {@code -Pcluster}.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRateLimitTest {

    @TempDir
    static Path dir;

    static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start(
                ClusterTesting.freshDirectory("ClusterRateLimitTest"),
                3,
                0,
                List.of("--rate-limit-search", "10/10"),
                new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void thirtyRequestsOfOneClientGetExactlyTenThroughTheLoadBalancer() throws Exception {
        awaitRedisDecidesOnEveryReplica();
        Burst burst = burst("203.0.113.10");
        // the bucket refills one token per 100 ms: a burst that took longer may have earned more
        long refilled = burst.elapsed().toMillis() / 100;
        assertThat(burst.statuses().get(200))
                .as("%s in %s; %s", burst.statuses(), burst.elapsed(), rateLimitMetrics())
                .isBetween(10L, 10L + refilled);
        assertThat(burst.statuses().get(200) + burst.statuses().getOrDefault(429, 0L))
                .isEqualTo(30);
    }

    @Test
    @Order(2) // after it, replicas use their local buckets for a while
    void withRedisStoppedLocalLimitsApplyAndNothingFails() throws Exception {
        cluster.stopRedis();
        try {
            Burst burst = burst("203.0.113.20");
            assertThat(burst.statuses().keySet()).as("%s", burst.statuses()).isSubsetOf(200, 429);
            assertThat(burst.statuses().getOrDefault(200, 0L))
                    .as("%s", burst.statuses())
                    .isBetween(10L, 30L + burst.elapsed().toMillis() / 100 * 3);
        } finally {
            cluster.startRedis();
        }
    }

    /**
     * Waits until each replica's rate limits are decided in Redis. A replica's first Redis call after its start runs
     * cold and, on a busy machine, may pass the 250 ms timeout; the replica then decides on its own buckets for 2 s,
     * as designed, and a burst in those 2 s would be limited per replica.
     */
    private static void awaitRedisDecidesOnEveryReplica() throws Exception {
        for (int i = 1; i <= cluster.replicaCount(); i++) {
            int replica = i;
            ClusterTesting.await(
                    "replica " + i + " decides rate limits in Redis",
                    Duration.ofSeconds(30),
                    Duration.ofMillis(200),
                    () -> {
                        double before = metric(replica, "chatda_ratelimit_redis_fallbacks_total");
                        ClusterTesting.search(cluster.replicaUrl(replica), "warm", "198.51.100." + replica);
                        return metric(replica, "chatda_ratelimit_redis_fallbacks_total") == before;
                    });
        }
    }

    private static double metric(int replica, String name) {
        return WebClient.of(cluster.replicaUrl(replica))
                .get("/metrics")
                .aggregate()
                .join()
                .contentUtf8()
                .lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The replicas' rate-limit counters, for a failure's message. */
    private static String rateLimitMetrics() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= cluster.replicaCount(); i++) {
            AggregatedHttpResponse metrics = WebClient.of(cluster.replicaUrl(i))
                    .get("/metrics")
                    .aggregate()
                    .join();
            metrics.contentUtf8()
                    .lines()
                    .filter(l -> l.startsWith("chatda_ratelimit"))
                    .forEach(l -> b.append(l).append("; "));
        }
        return b.toString();
    }

    private record Burst(Map<Integer, Long> statuses, Duration elapsed) {}

    /** 30 searches of one client, all sent at once over one h2c connection to the load balancer. */
    private static Burst burst(String client) {
        WebClient web = WebClient.of("h2c://" + cluster.url().substring("http://".length()));
        RequestHeaders headers = RequestHeaders.builder(HttpMethod.GET, "/api/search?q=redis")
                .set(HttpHeaderNames.X_FORWARDED_FOR, client)
                .build();
        web.execute(RequestHeaders.builder(HttpMethod.GET, "/health").build())
                .aggregate()
                .join(); // connect first
        long start = System.nanoTime();
        List<CompletableFuture<AggregatedHttpResponse>> answers = IntStream.range(0, 30)
                .mapToObj(i -> web.execute(headers).aggregate())
                .toList();
        Map<Integer, Long> statuses = answers.stream()
                .map(CompletableFuture::join)
                .collect(Collectors.groupingBy(a -> a.status().code(), Collectors.counting()));
        return new Burst(statuses, Duration.ofNanos(System.nanoTime() - start));
    }
}
