package io.chatda.server;

/**
 * The priority class of a route, for admission control: when the server is saturated the lowest
 * class is shed first. Declared from most to least important.
 */
public enum RequestClass {
    /** Search: what users came for; shed last. */
    CRITICAL,
    /** Suggestions: nice while typing, worthless a moment later; shed before search. */
    SHEDDABLE,
    /** Admin and batch work (crawl submission, status polls); shed first. */
    BATCH;

    /** The lowercase name used in metrics and logs. */
    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
