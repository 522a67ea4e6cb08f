package io.chatda.app;

import io.chatda.server.Replication;

/**
 * What a server that owns its data does besides serving it: its part in replication (standalone or the indexer,
 * with what to close after the server), the state it shares with a cluster, and whether the admin API may import
 * files of its own machine ({@code chatda cluster import}).
 */
record ServingRole(Replication replication, SharedState shared, AutoCloseable replicationParts, boolean pathImports) {

    /** A single server keeping everything to itself. */
    static ServingRole standalone() {
        return standalone(SharedState.local());
    }

    /** A single server sharing {@code shared} (e.g. rate limits with other servers). */
    static ServingRole standalone(SharedState shared) {
        return new ServingRole(Replication.standalone(), shared, () -> {}, false);
    }
}
