package io.chatda.app.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the cluster tests do over HTTP: import through the indexer, search, wait for a condition. */
final class ClusterTesting {

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private ClusterTesting() {}

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration within, Condition condition) throws Exception {
        await(what, within, Duration.ofMillis(50), condition);
    }

    /** Waits, asking every {@code every} (an admin route, limited to a few requests a second, wants it slow). */
    static void await(String what, Duration within, Duration every, Condition condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException notYet) {
                // e.g. a replica still starting
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + within);
            }
            Thread.sleep(every.toMillis());
        }
    }

    /** A new directory for a cluster under target/, kept after the test so its logs can be read. */
    static Path freshDirectory(String name) throws IOException {
        Path root = Path.of("target", "cluster-tests", name).toAbsolutePath();
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(root);
    }

    static HttpResponse<String> importPaths(LocalCluster cluster, Path folder)
            throws IOException, InterruptedException {
        String body = "{\"paths\": [\"" + folder.toAbsolutePath() + "\"], \"site\": \"test\"}";
        return http.send(
                HttpRequest.newBuilder(URI.create(cluster.indexerUrl() + "/api/admin/import"))
                        .header("Authorization", "Bearer " + cluster.adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> search(String base, String query) throws IOException, InterruptedException {
        return search(base, query, "");
    }

    /** A search as client {@code forwardedFor} (empty: the socket's address), behind a trusted proxy. */
    static HttpResponse<String> search(String base, String query, String forwardedFor)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10));
        if (!forwardedFor.isEmpty()) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long total(String base, String query) throws IOException, InterruptedException {
        HttpResponse<String> answer = search(base, query);
        Matcher m = TOTAL.matcher(answer.body());
        return answer.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
