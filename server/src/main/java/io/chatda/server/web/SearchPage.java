package io.chatda.server.web;

import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.search.SearchOptions;
import io.chatda.server.core.BadRequestException;
import io.chatda.server.core.Limits;
import io.chatda.server.core.QueryText;
import io.chatda.server.core.SearchBackend;
import io.chatda.server.core.StrictQuery;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * {@code GET /search?q=&page=}: runs the same search as the JSON API on the search executor and
 * answers with a complete HTML page. No query sends the browser to the search box; bad input is a
 * 400 page that says what was wrong; a full executor is a 503 page that asks to retry.
 */
final class SearchPage implements HttpService {

    private final SearchBackend search;
    private final Executor executor;
    private final ResultsRenderer renderer;
    private final Function<ServiceRequestContext, String> client;

    SearchPage(
            SearchBackend search,
            Executor executor,
            ResultsRenderer renderer,
            Function<ServiceRequestContext, String> client) {
        this.search = search;
        this.executor = executor;
        this.renderer = renderer;
        this.client = client;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        String typed = "";
        try {
            StrictQuery params = StrictQuery.parse(ctx);
            String raw = params.get("q");
            if (raw == null || raw.isBlank()) {
                return HttpResponse.ofRedirect(HttpStatus.FOUND, "/");
            }
            typed = raw;
            // people paste long text into search boxes: search its start rather than refuse it
            String q = QueryText.cut(raw);
            Optional<String> notice = q.length() < raw.strip().length()
                    ? Optional.of("검색어가 너무 길어 앞부분 " + q.codePointCount(0, q.length()) + "자까지만 검색했습니다. (최대 "
                            + QueryText.MAX_LENGTH + "자)")
                    : Optional.empty();
            int page = params.intParam("page", 1, 1, Limits.MAX_PAGE);
            boolean fix = !"0".equals(params.get("fix"));
            String who = client.apply(ctx);
            return HttpResponse.of(CompletableFuture.supplyAsync(
                    () -> {
                        if (ctx.isCancelled()) {
                            throw new CancellationException("client went away");
                        }
                        ResultsView view = ResultsView.of(
                                search.search(q, page, Limits.DEFAULT_PAGE_SIZE, SearchOptions.DEFAULT, who),
                                Limits.MAX_PAGE);
                        return html(HttpStatus.OK, renderer.results(fix ? view : view.withoutCorrection(), notice));
                    },
                    executor));
        } catch (BadRequestException e) {
            return html(HttpStatus.BAD_REQUEST, renderer.error(typed, e.getMessage()));
        } catch (RejectedExecutionException e) {
            return busy(renderer.error(typed, "지금은 검색이 많이 몰려 있습니다. 잠시 후 다시 시도해 주세요."));
        }
    }

    /** A 503 page that asks to retry in a second. */
    static HttpResponse busy(String page) {
        return HttpResponse.of(
                ResponseHeaders.builder(HttpStatus.SERVICE_UNAVAILABLE)
                        .contentType(MediaType.HTML_UTF_8)
                        .set(HttpHeaderNames.RETRY_AFTER, Limits.RETRY_AFTER_SECONDS)
                        .build(),
                HttpData.ofUtf8(page));
    }

    static HttpResponse html(HttpStatus status, String page) {
        ResponseHeaders headers = ResponseHeaders.builder(status)
                .contentType(MediaType.HTML_UTF_8)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .build();
        return HttpResponse.of(headers, HttpData.wrap(page.getBytes(StandardCharsets.UTF_8)));
    }
}
