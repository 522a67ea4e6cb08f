package io.chatda.server.web;

import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.file.FileService;
import com.linecorp.armeria.server.file.HttpFile;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.chatda.server.SearchBackend;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The web page people use: the search box at {@code /}, server-rendered results at {@code /search}
 * (shareable, and complete without JavaScript) and the page's static files. Every answer carries a
 * Content-Security-Policy that allows only this server's own scripts, styles and requests.
 */
public final class WebPages {

    static final String ROOT = "io/chatda/server/web";

    private final SearchBackend search;
    private final Executor searchExecutor;
    private final Function<ServiceRequestContext, String> client;

    /**
     * @param search         the same search the JSON API runs
     * @param searchExecutor the bounded executor searches run on, never the event loop
     * @param client         who asked (an address), as the rate limits see it
     */
    public WebPages(SearchBackend search, Executor searchExecutor, Function<ServiceRequestContext, String> client) {
        this.search = search;
        this.searchExecutor = searchExecutor;
        this.client = client;
    }

    /** {@code GET /}: the search box. */
    public HttpService home() {
        return SecurityHeaders.wrap(HttpFile.of(loader(), ROOT + "/index.html").asService());
    }

    /** {@code GET /search?q=&page=}: a page of ranked results rendered on the server. */
    public HttpService search() {
        return SecurityHeaders.wrap(new SearchPage(search, searchExecutor, new ResultsRenderer(), client));
    }

    /** {@code GET /static/…}: the page's script, style sheet and icon. */
    public HttpService assets() {
        return SecurityHeaders.wrap(FileService.of(loader(), ROOT));
    }

    private static ClassLoader loader() {
        return WebPages.class.getClassLoader();
    }
}
