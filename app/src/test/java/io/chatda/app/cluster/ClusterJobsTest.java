package io.chatda.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl job posted to a query replica is forwarded to the indexer's durable queue and runs once; the indexer
 * killed with -9 in the middle of it resumes the crawl after its restart instead of starting over. Run by
 * {@code -Pcluster}.
 */
@Tag("cluster")
class ClusterJobsTest {

    private static final int PAGES = 12;

    @TempDir
    static Path dir;

    static LocalCluster cluster;
    static HttpServer site;
    static final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private static final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body;
            int status = 200;
            if (path.equals("/")) {
                StringBuilder links = new StringBuilder("<html><head><title>job site</title></head><body>");
                for (int i = 1; i <= PAGES; i++) {
                    links.append("<p><a href=\"/p")
                            .append(i)
                            .append("\">page ")
                            .append(i)
                            .append("</a></p>");
                }
                body = links.append("</body></html>").toString();
            } else if (path.matches("/p\\d+")) {
                body = "<html><head><title>page " + path + "</title></head><body><p>jobword" + path.substring(2)
                        + "x appears on this page only.</p></body></html>";
            } else {
                status = 404;
                body = "not here";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", status == 200 ? "text/html; charset=utf-8" : "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();
        cluster = LocalCluster.start(
                ClusterTesting.freshDirectory("ClusterJobsTest"), 2, 0, List.of(), new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aJobPostedToAReplicaRunsOnceAndResumesAfterTheIndexerIsKilled() throws Exception {
        String seed = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
        HttpResponse<String> posted = admin(
                cluster.replicaUrl(1) + "/api/admin/crawl",
                HttpRequest.BodyPublishers.ofString("{\"seeds\": [\"" + seed + "\"], \"maxPages\": 100}"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(posted.body());
        assertThat(id.find()).isTrue();
        String status = cluster.replicaUrl(2) + "/api/admin/crawl/" + id.group(1);

        // one page a second (politeness): kill the indexer once a checkpoint (every 5 s) holds the first pages
        ClusterTesting.await("half the site fetched", Duration.ofSeconds(60), () -> pagesFetched() >= PAGES / 2 + 1);
        ProcessHandle indexer = ProcessHandle.of(cluster.indexerPid()).orElseThrow();
        indexer.destroyForcibly();
        indexer.onExit().join();
        int fetchedBeforeTheKill = pagesFetched();
        cluster.restartIndexer();

        ClusterTesting.await(
                "the job done",
                Duration.ofSeconds(90),
                Duration.ofSeconds(1),
                () -> admin(status, null).body().contains("\"done\""));
        for (int i = 1; i <= PAGES; i++) {
            int page = i;
            ClusterTesting.await(
                    "page " + i + " found through the load balancer",
                    Duration.ofSeconds(10),
                    () -> ClusterTesting.total(cluster.url(), "jobword" + page + "x") == 1);
        }
        assertThat(fetches.get("/").get())
                .as(
                        "resumed, not started over: the seed was fetched once; fetched before "
                                + "the kill: %d, fetches: %s",
                        fetchedBeforeTheKill, fetches)
                .isEqualTo(1);
        assertThat(fetches.entrySet())
                .as("no page fetched more than twice (once more if in flight at the kill): %s", fetches)
                .allSatisfy(e -> assertThat(e.getValue().get()).isLessThanOrEqualTo(2));
    }

    private static int pagesFetched() {
        return (int) fetches.keySet().stream().filter(p -> p.startsWith("/p")).count();
    }

    private static HttpResponse<String> admin(String url, HttpRequest.BodyPublisher post)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + cluster.adminToken())
                .timeout(Duration.ofSeconds(15));
        if (post != null) {
            request.header("Content-Type", "application/json").POST(post);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
