package io.chatda.server;

import io.chatda.replica.SnapshotPublisher;
import io.chatda.replica.SnapshotPuller;
import java.util.Objects;

/**
 * The server's part in replication (docs/replication.md). An indexer serves its {@link SnapshotPublisher}'s
 * snapshots on {@code /replica/manifest} and {@code /replica/file/…} behind a shared bearer token; a query replica
 * reports its {@link SnapshotPuller}'s generation and is not ready until it has one. Both put the generation they
 * serve in an {@code X-Chatda-Generation} header on search and suggest answers, in {@code /ready} and in
 * {@code /metrics}.
 *
 * @param role      which part
 * @param publisher the indexer's publisher; null unless {@code role} is {@link Role#INDEXER}
 * @param token     the bearer token the {@code /replica/} routes require; null unless an indexer
 * @param puller    the replica's puller; null unless {@code role} is {@link Role#REPLICA}
 */
public record Replication(Role role, SnapshotPublisher publisher, String token, SnapshotPuller puller) {

    /** A server's part in replication. */
    public enum Role {
        /** Serves its own data; no snapshot routes. */
        STANDALONE,
        /** Writes the index and publishes snapshots of it. */
        INDEXER,
        /** Serves copies pulled from an indexer. */
        REPLICA
    }

    public Replication {
        Objects.requireNonNull(role, "role");
        boolean indexer = role == Role.INDEXER;
        if (indexer != (publisher != null)
                || indexer != (token != null)
                || (role == Role.REPLICA) != (puller != null)) {
            throw new IllegalArgumentException(
                    "an indexer has a publisher and a token, a replica a puller, nothing else");
        }
        if (indexer && token.isBlank()) {
            throw new IllegalArgumentException("the replica token must not be blank");
        }
    }

    /** No replication. */
    public static Replication standalone() {
        return new Replication(Role.STANDALONE, null, null, null);
    }

    /** An indexer serving {@code publisher}'s snapshots to replicas that present {@code token}. */
    public static Replication indexer(SnapshotPublisher publisher, String token) {
        return new Replication(Role.INDEXER, publisher, token, null);
    }

    /** A query replica whose data comes from {@code puller}. */
    public static Replication replica(SnapshotPuller puller) {
        return new Replication(Role.REPLICA, null, null, puller);
    }
}
