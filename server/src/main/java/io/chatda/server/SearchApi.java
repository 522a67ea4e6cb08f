package io.chatda.server;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.search.SearchResults;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code GET /api/search?q=&page=&size=}: ranked results as JSON. Index reads run on the server's bounded
 * search executor, never on the event loop; a request its client has cancelled (RST_STREAM, closed
 * connection, timeout) before its turn comes is dropped without touching the index.
 */
final class SearchApi implements HttpService {

    static final int MAX_SIZE = 50;
    static final int MAX_PAGE = 100;

    /**
     * The JSON shape of a result page; {@code didYouMean} is a corrected query or empty, {@code corrected}
     * says the results are for it because the query as typed found nothing.
     */
    record Answer(String query, long total, int page, int size, double tookMs, List<Result> results,
                  String didYouMean, boolean corrected) {
    }

    /** The JSON shape of one hit; {@code snippet} is escaped HTML with {@code <mark>} around matches. */
    record Result(String url, String title, String snippet, String site, List<String> topics) {
    }

    private final SearchBackend index;
    private final Executor executor;
    private final JsonResponses json;
    private final Counter abandoned;

    SearchApi(SearchBackend index, Executor executor, JsonResponses json, MeterRegistry registry) {
        this.index = index;
        this.executor = executor;
        this.json = json;
        this.abandoned = Counter.builder("chatda.search.abandoned")
                .description("searches skipped because their client had gone before they started")
                .register(registry);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        StrictQuery params = StrictQuery.parse(ctx.query());
        String q = QueryText.require(params);
        int page = params.intParam("page", 1, 1, MAX_PAGE);
        int size = params.intParam("size", 10, 1, MAX_SIZE);
        CompletableFuture<HttpResponse> answer = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (ctx.isCancelled()) {
                    abandoned.increment();
                    answer.completeExceptionally(new java.util.concurrent.CancellationException("client went away"));
                    return;
                }
                try {
                    answer.complete(json.ok(toAnswer(index.search(q, page, size))));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            return json.busy("server busy");
        }
        return HttpResponse.of(answer);
    }

    static Answer toAnswer(SearchResults r) {
        List<Result> results = r.hits().stream()
                .map(h -> new Result(h.url(), h.title(), h.snippetHtml(), h.site(), h.topics()))
                .toList();
        return new Answer(r.query(), r.totalHits(), r.page(), r.size(), r.tookMicros() / 1000.0, results,
                r.didYouMean(), r.corrected());
    }
}
