package io.chatda.suggest;

import java.nio.file.Path;

/**
 * Which logged queries may become suggestions for everyone. A query needs searches from at least {@code
 * minClients} distinct clients (k-anonymity style: nobody's lone search is shown to others, and one client can't
 * push a phrase in alone); one client's searches of a query count at most {@code maxPerClientPerDay} times a
 * day; a query containing a phrase of the operator's {@code blocklist} file (one phrase a line, {@code #}
 * comments; read at each dictionary rebuild) is never suggested. Clients are counted by a hash of their address
 * with a salt that changes every day (UTC), so the log holds no address and can't link a client's days.
 *
 * @param minClients         distinct clients a query needs, 1 (a single-user instance) to {@value #MAX_MIN_CLIENTS}
 * @param maxPerClientPerDay searches of one query by one client counted per day, at least 1
 * @param blocklist          the operator's blocklist file, or null for none; a missing file blocks nothing
 */
public record QueryPolicy(int minClients, int maxPerClientPerDay, Path blocklist) {

    /** The most distinct clients a query can be asked to have (the log remembers this many per query). */
    public static final int MAX_MIN_CLIENTS = ClientSupport.CAPACITY;
    /** Distinct clients a query needs by default on a shared instance. */
    public static final int DEFAULT_MIN_CLIENTS = 3;
    /** One client's searches of one query counted per day by default. */
    public static final int DEFAULT_MAX_PER_CLIENT = 3;

    public QueryPolicy {
        if (minClients < 1 || minClients > MAX_MIN_CLIENTS) {
            throw new IllegalArgumentException("distinct clients must be 1.." + MAX_MIN_CLIENTS + ": " + minClients);
        }
        if (maxPerClientPerDay < 1) {
            throw new IllegalArgumentException("searches counted per client must be at least 1: " + maxPerClientPerDay);
        }
    }

    /** A single-user instance: every search counts, one client is enough. */
    public static QueryPolicy personal() {
        return new QueryPolicy(1, Integer.MAX_VALUE, null);
    }

    /** A shared instance's defaults, with the operator's blocklist file (or null). */
    public static QueryPolicy shared(Path blocklist) {
        return new QueryPolicy(DEFAULT_MIN_CLIENTS, DEFAULT_MAX_PER_CLIENT, blocklist);
    }
}
