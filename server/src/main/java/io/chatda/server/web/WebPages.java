package io.chatda.server.web;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.file.FileService;
import com.linecorp.armeria.server.file.HttpFile;
import io.chatda.server.core.DocumentMarkup;
import io.chatda.server.core.DocumentStore;
import io.chatda.server.core.SearchBackend;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The web page people use: the search box at {@code /}, server-rendered results at {@code /search}
 * (shareable, and complete without JavaScript), the document view at {@code /doc/{id}} and the page's static
 * files. Every answer carries a Content-Security-Policy that allows only this server's own scripts, styles and
 * requests.
 */
public final class WebPages {

    static final String ROOT = "io/chatda/server/web";

    /** How long browsers may keep the script, style sheet and icon before asking again (they revalidate by ETag). */
    static final String ASSET_CACHE_CONTROL = "public, max-age=3600";

    private final SearchBackend search;
    private final DocumentStore documents;
    private final DocumentMarkup markup;
    private final Executor searchExecutor;
    private final Function<ServiceRequestContext, String> client;
    private final ResultsRenderer renderer = new ResultsRenderer();

    /**
     * @param search         the same search the JSON API runs
     * @param documents      the stored documents the document view shows
     * @param markup         how the document view cleans their HTML and names their headings
     * @param searchExecutor the bounded executor searches run on, never the event loop
     * @param client         who asked (an address), as the rate limits see it
     */
    public WebPages(
            SearchBackend search,
            DocumentStore documents,
            DocumentMarkup markup,
            Executor searchExecutor,
            Function<ServiceRequestContext, String> client) {
        this.search = search;
        this.documents = documents;
        this.markup = markup;
        this.searchExecutor = searchExecutor;
        this.client = client;
    }

    /** {@code GET /}: the search box. */
    public HttpService home() {
        return SecurityHeaders.wrap(HttpFile.of(loader(), ROOT + "/index.html").asService());
    }

    /** {@code GET /search?q=&page=}: a page of ranked results rendered on the server. */
    public HttpService search() {
        return SecurityHeaders.wrap(new SearchPage(search, searchExecutor, renderer, client));
    }

    /** {@code GET /doc/{id}?q=}: the stored document behind a result, with the query's words highlighted. */
    public HttpService document() {
        return SecurityHeaders.wrap(new DocumentPage(documents, markup, searchExecutor, renderer));
    }

    /** {@code GET /static/…}: the page's script, style sheet and icon, cacheable for an hour. */
    public HttpService assets() {
        return SecurityHeaders.wrap(FileService.builder(loader(), ROOT)
                .cacheControl(ASSET_CACHE_CONTROL)
                .build());
    }

    /**
     * The answer to a browser asking for a path that names nothing: an HTML page with the site's security
     * headers (API clients keep getting JSON).
     */
    public AggregatedHttpResponse notFound() {
        ResponseHeaders headers = SecurityHeaders.addTo(ResponseHeaders.builder(HttpStatus.NOT_FOUND))
                .contentType(MediaType.HTML_UTF_8)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .build();
        return AggregatedHttpResponse.of(
                headers,
                com.linecorp.armeria.common.HttpData.ofUtf8(renderer.notFound("주소가 바뀌었거나 없는 페이지입니다. 검색으로 찾아보세요.")));
    }

    private static ClassLoader loader() {
        return WebPages.class.getClassLoader();
    }
}
