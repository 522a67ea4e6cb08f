package io.chatda.server.web;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.search.SearchDocument;
import io.chatda.server.core.BadRequestException;
import io.chatda.server.core.DocumentMarkup;
import io.chatda.server.core.DocumentStore;
import io.chatda.server.core.QueryText;
import io.chatda.server.core.StrictQuery;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code GET /doc/{id}?q=}: the stored document behind a result, rendered on this site with the query's
 * words highlighted (see {@link DocumentRenderer}). An id that names no stored document is a 404 page;
 * the index is read on the search executor, and a full executor is a 503 page.
 */
final class DocumentPage implements HttpService {

    private final DocumentStore documents;
    private final Executor executor;
    private final ResultsRenderer pages;
    private final DocumentRenderer renderer;

    DocumentPage(DocumentStore documents, DocumentMarkup markup, Executor executor, ResultsRenderer pages) {
        this.documents = documents;
        this.executor = executor;
        this.pages = pages;
        this.renderer = new DocumentRenderer(pages, markup);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        String q = "";
        try {
            String raw = StrictQuery.parse(ctx).get("q");
            q = raw == null ? "" : QueryText.cut(raw);
        } catch (BadRequestException e) {
            return SearchPage.html(HttpStatus.BAD_REQUEST, pages.error("", e.getMessage()));
        }
        Optional<String> url = DocumentIds.url(ctx.pathParam("id"));
        if (url.isEmpty()) {
            return notFound();
        }
        String query = q;
        try {
            return HttpResponse.of(CompletableFuture.supplyAsync(
                    () -> {
                        if (ctx.isCancelled()) {
                            throw new CancellationException("client went away");
                        }
                        Optional<SearchDocument> doc = documents.document(url.get());
                        if (doc.isEmpty()) {
                            return notFound();
                        }
                        return SearchPage.html(
                                HttpStatus.OK,
                                renderer.render(
                                        doc.get(),
                                        query,
                                        other -> documents.document(other).isPresent()));
                    },
                    executor));
        } catch (RejectedExecutionException e) {
            return SearchPage.busy(pages.error(query, "지금은 요청이 많이 몰려 있습니다. 잠시 후 다시 시도해 주세요."));
        }
    }

    private HttpResponse notFound() {
        return SearchPage.html(HttpStatus.NOT_FOUND, pages.notFound("이 주소의 문서가 색인에 없습니다. 다시 검색해 보세요."));
    }
}
