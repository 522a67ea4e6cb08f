package io.chatda.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on loopback (redis-server, an indexer, three query replicas, HAProxy; each its own process):
 * a replica killed with -9 under h2load costs no request and comes back into the pool, and a document imported
 * through the indexer is served by every replica within 5 s and never taken back. Run by {@code -Pcluster}
 * (.ci/run), not by {@code verify}.
 */
@Tag("cluster")
class ClusterFailoverTest {

    @TempDir
    static Path dir;

    static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start(
                ClusterTesting.freshDirectory("ClusterFailoverTest"),
                3,
                0,
                List.of("--rate-limit-search", "off"),
                new PrintWriter(new StringWriter()));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("deadlock.md"), "# 교착상태 (Deadlock)\n\n두 프로세스가 서로의 자원을 기다린다. redis 캐시.\n");
        assertThat(ClusterTesting.importPaths(cluster, docs).statusCode()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            int replica = i;
            ClusterTesting.await(
                    "replica " + i + " serves the document",
                    Duration.ofSeconds(10),
                    () -> ClusterTesting.total(cluster.replicaUrl(replica), "redis") >= 1);
        }
    }

    /** Each test starts with every replica in the pool, whatever the test before it left behind. */
    @BeforeEach
    void allReplicasUp() throws Exception {
        for (int i = 1; i <= 3; i++) {
            String server = "replica-" + i;
            ClusterTesting.await(
                    server + " is in the pool", Duration.ofSeconds(60), () -> "UP".equals(serverStatus(server)));
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aReplicaKilledUnderLoadCostsNoRequestAndRejoins() throws Exception {
        Process h2load = new ProcessBuilder(
                        "h2load",
                        "-D",
                        "12",
                        "-c",
                        "4",
                        "-m",
                        "4",
                        "--warm-up-time=1",
                        cluster.url() + "/api/search?q=redis")
                .redirectErrorStream(true)
                .start();
        Thread.sleep(5_000);
        long killed = cluster.replicaPid(2);
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        String report = new String(h2load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(h2load.waitFor(60, TimeUnit.SECONDS)).isTrue();
        report.lines()
                .filter(l -> l.startsWith("requests:") || l.startsWith("status codes:") || l.startsWith("finished in"))
                .forEach(l -> System.out.println("h2load with replica-2 killed: " + l));

        Matcher requests = Pattern.compile("requests: (\\d+) total, (\\d+) started, (\\d+) done, (\\d+) succeeded, "
                        + "(\\d+) failed, (\\d+) errored, (\\d+) timeout")
                .matcher(report);
        assertThat(requests.find()).as(report).isTrue();
        assertThat(Long.parseLong(requests.group(4))).as(report).isGreaterThan(100);
        assertThat(requests.group(5) + " failed, " + requests.group(6) + " errored, " + requests.group(7) + " timeout")
                .as(report)
                .isEqualTo("0 failed, 0 errored, 0 timeout");
        assertThat(report).as(report).contains(" 0 4xx, 0 5xx");

        ClusterTesting.await(
                "the killed replica is started again and back in the pool",
                Duration.ofSeconds(60),
                () -> cluster.replicaPid(2) != killed && "UP".equals(serverStatus("replica-2")));
    }

    @Test
    void aDocumentImportedThroughTheIndexerIsOnEveryReplicaWithinFiveSecondsAndStaysThere() throws Exception {
        Path more = Files.createDirectories(dir.resolve("more"));
        Files.writeString(more.resolve("quark.md"), "# 쿼크 글루온\n\nzyxquark 입자는 강한 상호작용으로 묶인다.\n");
        long start = System.nanoTime();
        assertThat(ClusterTesting.importPaths(cluster, more).statusCode()).isEqualTo(200);
        long[] found = new long[4];
        for (int i = 1; i <= 3; i++) {
            int replica = i;
            ClusterTesting.await(
                    "replica " + i + " finds the new document",
                    Duration.ofSeconds(5).minusNanos(System.nanoTime() - start),
                    () -> ClusterTesting.total(cluster.replicaUrl(replica), "zyxquark") == 1);
            found[i] = generation(cluster.replicaUrl(i), "zyxquark");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // from now on no replica goes back: each answers from the generation it found the document in, or a newer one
        for (int i = 1; i <= 3; i++) {
            for (int n = 0; n < 10; n++) {
                HttpResponse<String> answer = ClusterTesting.search(cluster.replicaUrl(i), "zyxquark");
                assertThat(answer.body()).contains("\"total\":1");
                assertThat(generationOf(answer))
                        .as("replica %d, found at %d", i, found[i])
                        .isGreaterThanOrEqualTo(found[i]);
            }
        }
        long oldest = Math.min(found[1], Math.min(found[2], found[3]));
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> answer = ClusterTesting.search(cluster.url(), "zyxquark");
            assertThat(answer.body()).contains("\"total\":1");
            assertThat(generationOf(answer))
                    .as("no answer from before the document")
                    .isGreaterThanOrEqualTo(oldest);
        }
    }

    private static long generationOf(HttpResponse<String> answer) {
        return Long.parseLong(answer.headers().firstValue("x-chatda-generation").orElseThrow());
    }

    private static long generation(String base, String query) throws IOException, InterruptedException {
        return Long.parseLong(ClusterTesting.search(base, query)
                .headers()
                .firstValue("x-chatda-generation")
                .orElseThrow());
    }

    /** A server's status in HAProxy's pool ("UP", "DOWN", …), from its stats socket. */
    private static String serverStatus(String server) {
        try (SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(cluster.haproxySocket()))) {
            socket.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            StringBuilder text = new StringBuilder();
            while (socket.read(buffer) > 0) {
                buffer.flip();
                text.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            for (String line : text.toString().split("\n")) {
                String[] fields = line.split(",");
                if (fields.length > 17 && fields[0].equals("replicas") && fields[1].equals(server)) {
                    return fields[17];
                }
            }
            return "absent";
        } catch (IOException e) {
            return "unreachable";
        }
    }
}
