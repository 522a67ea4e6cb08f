package io.chatda.server;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServerListener;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;
import io.chatda.replica.HeldFile;
import io.chatda.replica.ServedSnapshot;
import io.chatda.replica.SnapshotFile;
import io.chatda.replica.SnapshotGoneException;
import io.chatda.replica.SnapshotManifest;
import io.chatda.replica.SnapshotPublisher;
import io.chatda.replica.UnknownSnapshotFileException;
import io.chatda.server.core.BadRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The server's side of replication (see {@link Replication}, docs/replication.md): on an indexer, the
 * {@code /replica/} routes behind the replica token; on any replicating server, the generation it serves in a
 * header, {@code /ready} and {@code /metrics}.
 */
final class ReplicaApi {

    static final String MANIFEST = "/replica/manifest";
    static final String FILE = "/replica/file/{generation}/{name}";
    static final String GENERATION_HEADER = "x-chatda-generation";
    /** Longest long poll ({@code Prefer: wait=N}) the manifest route holds. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    /** Longest time a file may take to send. */
    private static final Duration FILE_TIMEOUT = Duration.ofMinutes(10);

    private static final int FILE_BUFFER = 64 * 1024;

    private final Replication replication;
    private final JsonResponses json;
    private final ServedSnapshot served;
    /** Long polls in progress, answered at once when the server stops. */
    private final Set<CompletableFuture<SnapshotManifest>> waiting = ConcurrentHashMap.newKeySet();

    ReplicaApi(Replication replication, JsonResponses json) {
        this.replication = replication;
        this.json = json;
        this.served = switch (replication.role()) {
            case STANDALONE -> null;
            case INDEXER -> replication.publisher();
            case REPLICA -> replication.puller();
        };
    }

    /** The generation served; empty when standalone or before the first. */
    OptionalLong generation() {
        return served == null ? OptionalLong.empty() : served.generation();
    }

    /** False only for a replica that has installed no snapshot yet. */
    boolean ready() {
        return replication.role() != Replication.Role.REPLICA || generation().isPresent();
    }

    void bindMetrics(MeterRegistry registry) {
        switch (replication.role()) {
            case INDEXER -> replication.publisher().bindTo(registry);
            case REPLICA -> replication.puller().bindTo(registry);
            case STANDALONE -> {}
        }
    }

    /** Adds the generation header to a route's answers (all of them, 304 and errors too). */
    Function<? super HttpService, ? extends HttpService> generationHeader() {
        if (served == null) {
            return Function.identity();
        }
        return delegate -> new SimpleDecoratingHttpService(delegate) {
            @Override
            public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
                OptionalLong generation = generation();
                if (generation.isPresent()) {
                    ctx.addAdditionalResponseHeader(GENERATION_HEADER, Long.toString(generation.getAsLong()));
                }
                return ((HttpService) unwrap()).serve(ctx, req);
            }
        };
    }

    /** The indexer's {@code /replica/} routes; none unless an indexer. */
    void addRoutes(ServerBuilder sb) {
        if (replication.role() != Replication.Role.INDEXER) {
            return;
        }
        BearerToken token = new BearerToken(replication.token(), "chatda replica", json, "chatda.replica.auth");
        sb.route()
                .get(MANIFEST)
                .maxRequestLength(0)
                .requestTimeout(MAX_WAIT.plusSeconds(10))
                .decorator(token.decorator())
                .build(manifest(replication.publisher()));
        sb.route()
                .get(FILE)
                .maxRequestLength(0)
                .requestTimeout(FILE_TIMEOUT)
                .decorator(token.decorator())
                .build(file(replication.publisher()));
        sb.serverListener(ServerListener.builder()
                .whenStopping(s -> waiting.forEach(w -> w.complete(null)))
                .build());
    }

    /**
     * The current manifest with its {@code ETag}; 304 when {@code If-None-Match} names it, after holding the request
     * up to {@code Prefer: wait=N} seconds for a newer one; 503 before anything is published.
     */
    private HttpService manifest(SnapshotPublisher publisher) {
        return (ctx, req) -> {
            SnapshotManifest current = publisher.current().orElse(null);
            if (current == null) {
                return json.busy("no snapshot published yet");
            }
            String ifNoneMatch = req.headers().get(HttpHeaderNames.IF_NONE_MATCH);
            if (ifNoneMatch == null || !Freshness.matches(ifNoneMatch, etag(current))) {
                return manifestAnswer(current);
            }
            Duration wait = requestedWait(req.headers());
            if (wait.isZero()) {
                return notModified(current);
            }
            CompletableFuture<SnapshotManifest> newer = publisher.newerThan(current.generation());
            waiting.add(newer);
            return HttpResponse.of(newer.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((next, failure) -> {
                        waiting.remove(newer);
                        return next == null ? notModified(current) : manifestAnswer(next);
                    }));
        };
    }

    private static HttpResponse manifestAnswer(SnapshotManifest manifest) {
        return HttpResponse.of(
                ResponseHeaders.builder(HttpStatus.OK)
                        .contentType(MediaType.JSON_UTF_8)
                        .set(HttpHeaderNames.ETAG, etag(manifest))
                        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                        .build(),
                HttpData.wrap(manifest.toJson()));
    }

    private static HttpResponse notModified(SnapshotManifest manifest) {
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.NOT_MODIFIED)
                .set(HttpHeaderNames.ETAG, etag(manifest))
                .build());
    }

    private static String etag(SnapshotManifest manifest) {
        return "\"g" + manifest.generation() + '"';
    }

    /** The {@code wait=N} preference (RFC 7240) in seconds, at most {@link #MAX_WAIT}; zero if absent or unreadable. */
    static Duration requestedWait(HttpHeaders headers) {
        for (String prefer : headers.getAll(HttpHeaderNames.PREFER)) {
            for (String token : prefer.split(",")) {
                String t = token.strip();
                if (t.regionMatches(true, 0, "wait=", 0, 5)) {
                    try {
                        long seconds = Long.parseLong(t.substring(5).strip());
                        return seconds <= 0
                                ? Duration.ZERO
                                : Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds()));
                    } catch (NumberFormatException e) {
                        return Duration.ZERO;
                    }
                }
            }
        }
        return Duration.ZERO;
    }

    /** Streams a file of a held snapshot, holding the snapshot until the answer is done; 404/410 otherwise. */
    private HttpService file(SnapshotPublisher publisher) {
        return (ctx, req) -> {
            long generation;
            try {
                generation = Long.parseLong(ctx.pathParam("generation"));
            } catch (NumberFormatException e) {
                throw new BadRequestException("the generation must be a number");
            }
            String name = ctx.pathParam("name");
            if (!SnapshotFile.isValidName(name)) {
                throw new BadRequestException("not a snapshot file name");
            }
            HeldFile file;
            try {
                file = publisher.open(generation, name);
            } catch (SnapshotGoneException e) {
                return json.error(HttpStatus.GONE, e.getMessage()).toHttpResponse();
            } catch (UnknownSnapshotFileException e) {
                return json.error(HttpStatus.NOT_FOUND, e.getMessage()).toHttpResponse();
            }
            ctx.log().whenComplete().thenRun(file::close);
            ResponseHeaders headers = ResponseHeaders.builder(HttpStatus.OK)
                    .contentType(MediaType.OCTET_STREAM)
                    .contentLength(file.entry().length())
                    .build();
            return HttpResponse.of(
                    headers,
                    StreamMessage.builder(file.path())
                            .executor(ctx.blockingTaskExecutor())
                            .bufferSize(FILE_BUFFER)
                            .build());
        };
    }
}
