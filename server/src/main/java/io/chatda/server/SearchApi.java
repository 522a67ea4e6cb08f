package io.chatda.server;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchResults;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code GET /api/search?q=&page=&size=}: ranked results as JSON. Index reads run off the event loop. */
final class SearchApi implements HttpService {

    static final int MAX_SIZE = 50;
    static final int MAX_PAGE = 100;

    /** The JSON shape of a result page. */
    record Answer(String query, long total, int page, int size, double tookMs, List<Result> results) {
    }

    /** The JSON shape of one hit; {@code snippet} is escaped HTML with {@code <mark>} around matches. */
    record Result(String url, String title, String snippet, String site) {
    }

    private final SearchIndex index;
    private final JsonResponses json;

    SearchApi(SearchIndex index, JsonResponses json) {
        this.index = index;
        this.json = json;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        StrictQuery params = StrictQuery.parse(ctx.query());
        String q = QueryText.require(params);
        int page = params.intParam("page", 1, 1, MAX_PAGE);
        int size = params.intParam("size", 10, 1, MAX_SIZE);
        return HttpResponse.of(CompletableFuture.supplyAsync(
                () -> json.ok(toAnswer(index.search(q, page, size))), ctx.blockingTaskExecutor()));
    }

    static Answer toAnswer(SearchResults r) {
        List<Result> results = r.hits().stream()
                .map(h -> new Result(h.url(), h.title(), h.snippetHtml(), h.site()))
                .toList();
        return new Answer(r.query(), r.totalHits(), r.page(), r.size(), r.tookMicros() / 1000.0, results);
    }
}
