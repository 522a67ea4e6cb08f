package io.chatda.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatda.server.CrawlJobs;
import io.chatda.server.CrawlRequest;
import io.chatda.server.JobId;
import io.chatda.server.JobStatus;
import io.chatda.server.core.NotReadyException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A query replica's crawl jobs: submitted to and read from the indexer's admin API, whose durable queue runs each
 * job once, whichever replica took it. The replica checks the admin token itself, then presents the same token.
 * An indexer that can't be reached, or refuses, is a 503 for the caller.
 */
final class ForwardedCrawlJobs implements CrawlJobs {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI indexer;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    ForwardedCrawlJobs(URI indexer, String token) {
        this.indexer = indexer;
        this.token = token;
    }

    @Override
    public JobId submit(CrawlRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seeds", request.seeds());
        body.put("mode", request.mode().name().toLowerCase(Locale.ROOT));
        body.put("maxPages", request.maxPages());
        body.put("maxDepth", request.maxDepth());
        HttpResponse<byte[]> answer;
        try {
            answer = send(HttpRequest.newBuilder(indexer.resolve("/api/admin/crawl"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new NotReadyException("the indexer can't be reached: " + e.getMessage());
        }
        if (answer.statusCode() != 202) {
            throw refused(answer);
        }
        return new JobId(json(answer).path("id").asLong());
    }

    @Override
    public Optional<JobStatus> status(long id) {
        HttpResponse<byte[]> answer;
        try {
            answer = send(HttpRequest.newBuilder(indexer.resolve("/api/admin/crawl/" + id))
                    .GET());
        } catch (IOException e) {
            throw new NotReadyException("the indexer can't be reached: " + e.getMessage());
        }
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw refused(answer);
        }
        JsonNode job = json(answer);
        return Optional.of(new JobStatus(
                job.path("id").asLong(),
                JobStatus.State.valueOf(job.path("status").asText().toUpperCase(Locale.ROOT)),
                instant(job, "createdAt"),
                instant(job, "startedAt"),
                instant(job, "finishedAt"),
                job.path("message").isNull() ? null : job.path("message").asText(null)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(
                    request.header("Authorization", "Bearer " + token)
                            .timeout(TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private JsonNode json(HttpResponse<byte[]> answer) {
        try {
            return mapper.readTree(answer.body());
        } catch (IOException e) {
            throw new NotReadyException("the indexer answered something other than JSON");
        }
    }

    private static NotReadyException refused(HttpResponse<byte[]> answer) {
        return new NotReadyException("the indexer refused the crawl job (HTTP " + answer.statusCode() + ")");
    }

    private static Instant instant(JsonNode job, String field) {
        JsonNode value = job.path(field);
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }
}
