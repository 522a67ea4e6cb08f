package io.chatda.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.search.SearchCancelledException;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchOptions;
import io.chatda.search.SearchResults;
import io.chatda.server.core.BadRequestException;
import io.chatda.server.core.Limits;
import io.chatda.server.core.QueryText;
import io.chatda.server.core.SearchBackend;
import io.chatda.server.core.StrictQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code GET /api/search?q=&page=&size=&explain=}: ranked results as JSON ({@code explain=true} adds each
 * hit's score breakdown as {@code explanation}). Index reads run on the server's bounded
 * search executor, never on the event loop. A request its client has cancelled (RST_STREAM, closed
 * connection, timeout) before its turn comes is dropped without touching the index; one already running
 * stops inside Lucene's collection loop at its next check (see {@link SearchOptions#cancelled()}).
 */
final class SearchApi implements HttpService {

    private static final SearchOptions EXPLAINED = new SearchOptions(true, SearchOptions.Ranking.FULL);

    /**
     * The JSON shape of a result page; {@code didYouMean} is a corrected query or empty, {@code corrected}
     * says the results are for it because the query as typed found nothing.
     */
    record Answer(
            String query,
            long total,
            int page,
            int size,
            double tookMs,
            List<Result> results,
            String didYouMean,
            boolean corrected) {}

    /** The JSON shape of one hit; {@code snippet} is escaped HTML with {@code <mark>} around matches. */
    record Result(
            String url,
            String title,
            String snippet,
            String site,
            List<String> topics,
            @JsonInclude(JsonInclude.Include.NON_NULL) String explanation) {}

    private final SearchBackend index;
    private final Executor executor;
    private final JsonResponses json;
    private final Counter abandoned;
    private final Counter stopped;
    private final ClientIdentity identity;

    SearchApi(
            SearchBackend index,
            Executor executor,
            JsonResponses json,
            MeterRegistry registry,
            ClientIdentity identity) {
        this.index = index;
        this.identity = identity;
        this.executor = executor;
        this.json = json;
        this.abandoned = Counter.builder("chatda.search.abandoned")
                .description("searches skipped because their client had gone before they started")
                .register(registry);
        this.stopped = Counter.builder("chatda.search.cancelled")
                .description("searches stopped part-way because their client had gone")
                .register(registry);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        StrictQuery params = StrictQuery.parse(ctx);
        String q = QueryText.require(params);
        int page = params.intParam("page", 1, 1, Limits.MAX_PAGE);
        int size = params.intParam("size", Limits.DEFAULT_PAGE_SIZE, 1, SearchIndex.MAX_SIZE);
        SearchOptions options =
                (explain(params.get("explain")) ? EXPLAINED : SearchOptions.DEFAULT).withCancellation(ctx::isCancelled);
        String client = identity.of(ctx).getHostAddress();
        CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (ctx.isCancelled()) {
                    abandoned.increment();
                    answer.completeExceptionally(new CancellationException("client went away"));
                    return;
                }
                try {
                    answer.complete(json.ok(toAnswer(index.search(q, page, size, options, client))));
                } catch (SearchCancelledException e) {
                    stopped.increment();
                    answer.completeExceptionally(e);
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            return json.busy("server busy");
        }
        return HttpResponse.of(answer);
    }

    private static boolean explain(String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BadRequestException("explain must be true or false");
    }

    static Answer toAnswer(SearchResults r) {
        List<Result> results = r.hits().stream()
                .map(h -> new Result(
                        h.url(),
                        h.title(),
                        h.snippetHtml(),
                        h.site(),
                        h.topics(),
                        h.explanation().isEmpty() ? null : h.explanation()))
                .toList();
        return new Answer(
                r.query(),
                r.totalHits(),
                r.page(),
                r.size(),
                r.tookMicros() / 1000.0,
                results,
                r.didYouMean(),
                r.corrected());
    }
}
