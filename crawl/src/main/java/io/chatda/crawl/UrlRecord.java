package io.chatda.crawl;

/**
 * What the crawl store knows about one URL.
 *
 * @param state       where the URL is in the crawl
 * @param reason      why it was not indexed, or null
 * @param httpStatus  last HTTP status, 0 if never fetched
 * @param fetchCount  how many times the page was fetched over all runs
 * @param duplicateOf the URL this one duplicates, redirects to or names as canonical, or null
 */
public record UrlRecord(
        String url,
        int depth,
        State state,
        SkipReason reason,
        String detail,
        int httpStatus,
        int fetchCount,
        boolean indexed,
        String duplicateOf) {

    /** Where a URL is in the crawl; stored by name in the crawl store's {@code urls.state}. */
    public enum State {
        QUEUED,
        FETCHING,
        /** Fetched; see {@code indexed}. */
        DONE,
        /** Not fetched or not indexed; see {@code reason}. */
        SKIPPED
    }
}
