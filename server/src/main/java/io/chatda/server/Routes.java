package io.chatda.server;

/** The API's paths and the priority class each belongs to. */
final class Routes {

    static final String SEARCH = "/api/search";
    static final String SUGGEST = "/api/suggest";
    static final String ADMIN = "/api/admin/";
    static final String CRAWL = "/api/admin/crawl";

    private Routes() {
    }

    /** The class of a request path (query string allowed), or null for routes outside admission control. */
    static RequestClass classOf(String path) {
        if (path.startsWith(SEARCH) && (path.length() == SEARCH.length() || path.charAt(SEARCH.length()) == '?')) {
            return RequestClass.CRITICAL;
        }
        if (path.startsWith(SUGGEST) && (path.length() == SUGGEST.length() || path.charAt(SUGGEST.length()) == '?')) {
            return RequestClass.SHEDDABLE;
        }
        if (path.startsWith(ADMIN)) {
            return RequestClass.BATCH;
        }
        return null;
    }

    /** {@link #classOf} as a metrics tag: {@code other} for routes outside admission control. */
    static String classTag(String path) {
        RequestClass c = classOf(path);
        return c == null ? "other" : c.tag();
    }
}
