package io.chatda.server.core;

/**
 * The numbers the JSON API and the web page both answer requests by, each defined here once (the search
 * and suggest modules own theirs: {@code SearchIndex.MAX_SIZE}, {@code Suggester.MAX_LIMIT}; the query's
 * length is {@link QueryText#MAX_LENGTH}).
 */
public final class Limits {

    /** The last page of results a client may ask for. */
    public static final int MAX_PAGE = 100;
    /** Results on a page unless the client asks for another size; the web page always shows this many. */
    public static final int DEFAULT_PAGE_SIZE = 10;
    /** Suggestions in an answer unless the client asks for another number. */
    public static final int DEFAULT_SUGGESTIONS = 10;
    /** How long, in seconds, a client answered 503 should wait before it tries again ({@code Retry-After}). */
    public static final String RETRY_AFTER_SECONDS = "1";

    private Limits() {}
}
