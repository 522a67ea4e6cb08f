package io.chatda.crawl;

/**
 * What the crawl store knows about one URL.
 *
 * @param state       {@code QUEUED}, {@code FETCHING}, {@code DONE} (fetched; see {@code indexed}) or
 *                    {@code SKIPPED} (see {@code reason})
 * @param reason      why it was not indexed, or null
 * @param httpStatus  last HTTP status, 0 if never fetched
 * @param fetchCount  how many times the page was fetched over all runs
 * @param duplicateOf the URL this one duplicates, redirects to or names as canonical, or null
 */
public record UrlRecord(
        String url,
        int depth,
        String state,
        SkipReason reason,
        String detail,
        int httpStatus,
        int fetchCount,
        boolean indexed,
        String duplicateOf) {}
