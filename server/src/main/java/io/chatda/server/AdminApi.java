package io.chatda.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import io.chatda.server.core.BadRequestException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin routes over the crawl job queue, behind a bearer token: {@code POST /api/admin/crawl} queues
 * a crawl (202 with the job's id and {@code Location}), {@code GET /api/admin/crawl/{id}} reports it. The
 * queue is called on the blocking executor, never the event loop.
 */
final class AdminApi {

    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    static final int MAX_SEEDS = 100;

    /** The JSON shape of a job. */
    record JobAnswer(long id, String status, String createdAt, String startedAt, String finishedAt, String message) {
        static JobAnswer of(JobStatus s) {
            return new JobAnswer(
                    s.id(),
                    s.state().name().toLowerCase(Locale.ROOT),
                    text(s.createdAt()),
                    text(s.startedAt()),
                    text(s.finishedAt()),
                    s.message());
        }

        private static String text(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    /** The JSON shape of a submission's answer. */
    record Submitted(long id, String status) {}

    private final CrawlJobs jobs;
    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final BearerToken token;

    AdminApi(CrawlJobs jobs, String token, JsonResponses json, ObjectMapper mapper) {
        this.jobs = jobs;
        this.json = json;
        this.mapper = mapper;
        this.token = new BearerToken(token, "chatda admin", json, "chatda.admin.auth");
    }

    /** Answers 401 unless the request carries the admin bearer token (see {@link BearerToken}). */
    Function<? super HttpService, ? extends HttpService> authorization() {
        return token.decorator();
    }

    HttpService submit() {
        return (ctx, req) -> HttpResponse.of(req.aggregate()
                .thenApplyAsync(
                        body -> {
                            CrawlRequest request = parse(body);
                            JobId id = jobs.submit(request);
                            String location = Routes.crawlJob(id.id());
                            HttpResponse ok =
                                    json.of(HttpStatus.ACCEPTED, json.bytes(new Submitted(id.id(), location)));
                            return ok.mapHeaders(h -> h.toBuilder()
                                    .set(HttpHeaderNames.LOCATION, location)
                                    .build());
                        },
                        ctx.blockingTaskExecutor()));
    }

    HttpService status() {
        return (ctx, req) -> {
            String raw = ctx.pathParam("id");
            long id;
            try {
                id = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new BadRequestException("job id must be a number");
            }
            return HttpResponse.of(CompletableFuture.supplyAsync(
                    () -> jobs.status(id)
                            .map(s -> json.ok(JobAnswer.of(s)))
                            .orElseGet(() -> json.error(HttpStatus.NOT_FOUND, "no crawl job " + id)
                                    .toHttpResponse()),
                    ctx.blockingTaskExecutor()));
        };
    }

    /** {@code POST /api/admin/import {"paths": […], "site": "…"}}: 200 with what the import did. */
    HttpService importPaths(PathImports imports) {
        return (ctx, req) -> HttpResponse.of(req.aggregate()
                .thenApplyAsync(
                        body -> {
                            JsonNode root = object(body, "{\"paths\": [\"/srv/docs\"], \"site\": \"docs\"}");
                            JsonNode pathsNode = root.get("paths");
                            if (pathsNode == null
                                    || !pathsNode.isArray()
                                    || pathsNode.isEmpty()
                                    || pathsNode.size() > MAX_SEEDS) {
                                throw new BadRequestException("paths must be a list of 1 to " + MAX_SEEDS + " paths");
                            }
                            List<String> paths = new ArrayList<>();
                            for (JsonNode path : pathsNode) {
                                if (!path.isTextual() || path.asText().isBlank()) {
                                    throw new BadRequestException("each path must be a non-empty string");
                                }
                                paths.add(path.asText());
                            }
                            String site = text(root, "site", "local");
                            return json.ok(imports.importPaths(paths, site));
                        },
                        ctx.blockingTaskExecutor()));
    }

    private JsonNode object(AggregatedHttpRequest body, String example) {
        JsonNode root;
        try {
            root = mapper.readTree(body.content().array());
        } catch (IOException e) {
            throw new BadRequestException("body must be JSON: " + example);
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("body must be a JSON object: " + example);
        }
        return root;
    }

    private CrawlRequest parse(AggregatedHttpRequest body) {
        JsonNode root = object(body, "{\"seeds\": [\"https://…\"]}");
        JsonNode seedsNode = root.get("seeds");
        if (seedsNode == null || !seedsNode.isArray() || seedsNode.isEmpty() || seedsNode.size() > MAX_SEEDS) {
            throw new BadRequestException("seeds must be a list of 1 to " + MAX_SEEDS + " URLs");
        }
        List<String> seeds = new ArrayList<>();
        for (JsonNode seed : seedsNode) {
            seeds.add(httpUrl(seed.isTextual() ? seed.asText() : ""));
        }
        CrawlRequest.Mode mode;
        String modeText = text(root, "mode", "start");
        try {
            mode = CrawlRequest.Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("mode must be start, resume or refresh");
        }
        return new CrawlRequest(
                seeds, mode, intField(root, "maxPages", 1000, 1, 1_000_000), intField(root, "maxDepth", 5, 0, 100));
    }

    private static String httpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new BadRequestException("each seed must be an absolute http or https URL");
    }

    private static String text(JsonNode root, String field, String defaultValue) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isTextual()) {
            throw new BadRequestException(field + " must be a string");
        }
        return node.asText();
    }

    private static int intField(JsonNode root, String field, int defaultValue, int min, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            throw new BadRequestException(field + " must be a whole number between " + min + " and " + max);
        }
        return node.asInt();
    }
}
