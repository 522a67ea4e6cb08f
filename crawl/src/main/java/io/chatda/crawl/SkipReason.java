package io.chatda.crawl;

/** Why a known URL was not indexed. Stored with the URL in the crawl store and counted in {@link CrawlSummary}. */
public enum SkipReason {
    /** Disallowed by the host's robots.txt. */
    ROBOTS,
    /** robots.txt answered 5xx or couldn't be fetched, repeatedly; the host is not crawled. */
    ROBOTS_UNAVAILABLE,
    /** {@code <meta name=robots content=noindex>} or {@code X-Robots-Tag: noindex}. */
    NOINDEX,
    /** The page names another URL as canonical ({@code rel=canonical}); that one is crawled instead. */
    NON_CANONICAL,
    /** Same content (hash) as a page already indexed. */
    DUPLICATE,
    /** Nearly the same content (SimHash) as a page already indexed. */
    NEAR_DUPLICATE,
    /** The URL redirects to another URL, which is indexed (or skipped) under its own address. */
    REDIRECT,
    /** A redirect chain comes back to a URL already in it. */
    REDIRECT_LOOP,
    /** More redirects than allowed (5). */
    TOO_MANY_REDIRECTS,
    /** The body is larger than the configured maximum, compressed or decompressed. */
    TOO_LARGE,
    /** Not HTML or plain text. */
    CONTENT_TYPE,
    /** The server answered 404 or 410. */
    NOT_FOUND,
    /** Another 4xx answer. */
    CLIENT_ERROR,
    /** 5xx or 429, still failing after the retries. */
    SERVER_ERROR,
    /** Connect or read timeout. */
    TIMEOUT,
    /** Connection refused, reset, DNS failure, malformed response. */
    FETCH_ERROR,
    /** The host resolves to a private, loopback, link-local or multicast address (SSRF guard). */
    PRIVATE_ADDRESS,
    /** Not http or https, or not a valid URL. */
    UNSUPPORTED_URL,
    /** Outside the sites of the seeds. */
    OFF_SITE,
    /** Matched an exclude pattern or no include pattern. */
    EXCLUDED,
    /** Deeper than the maximum depth. */
    MAX_DEPTH,
    /** Spider trap: URL too long, repeated path segments, or too many query variants of one path. */
    TRAP,
    /** The per-host page cap was reached. */
    HOST_CAP
}
