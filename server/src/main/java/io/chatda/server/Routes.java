package io.chatda.server;

/** The server's paths; which priority class each admitted route has is set where it is bound ({@link RouteChain}). */
final class Routes {

    static final String SEARCH = "/api/search";
    static final String SUGGEST = "/api/suggest";
    static final String CRAWL = "/api/admin/crawl";
    static final String CRAWL_JOB = CRAWL + "/{id}";
    static final String IMPORT = "/api/admin/import";
    static final String HEALTH = "/health";
    static final String READY = "/ready";
    static final String METRICS = "/metrics";
    static final String HOME = "/";
    static final String ASSETS = "/static/";
    static final String SEARCH_PAGE = "/search";
    static final String DOCUMENT_PAGE = "/doc/{id}";

    private Routes() {}

    /** The address of crawl job {@code id}. */
    static String crawlJob(long id) {
        return CRAWL + "/" + id;
    }
}
