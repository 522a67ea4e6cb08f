package io.chatda.app;

import io.chatda.replica.PullerSettings;
import io.chatda.replica.SnapshotPuller;
import io.chatda.server.ChatdaServer;
import io.chatda.server.Replication;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import io.chatda.shared.QueryEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;

/**
 * {@code chatda serve --role query}: a stateless query replica. It answers search, suggest and the web page from
 * copies of the indexer's snapshots (pulled in the background; not ready before the first), shares rate limits and
 * the query log through Redis, and forwards admin crawl jobs to the indexer, which runs each once.
 */
final class ReplicaServing implements AutoCloseable {

    private final ChatdaServer server;
    private final SnapshotPuller puller;
    private final QueryReplica replica;
    private final SharedState shared;

    private ReplicaServing(ChatdaServer server, SnapshotPuller puller, QueryReplica replica, SharedState shared) {
        this.server = server;
        this.puller = puller;
        this.replica = replica;
        this.shared = shared;
    }

    static ReplicaServing start(
            DataDirectory dir, int port, ServeOptions options, ClusterOptions cluster, URI indexer, PrintWriter out) {
        ServerSettings settings = options.settings(port);
        String token = cluster.requiredReplicaToken();
        Clock clock = Clock.systemUTC();
        SharedState shared = SharedState.of(cluster.redisOrNull(), clock);
        if (!shared.shared()) {
            out.println(
                    "no --redis: this replica's rate limits are its own and its users' queries teach no suggestions");
        }
        QueryEvents events = shared.shared() ? shared.queryLogStream() : QueryEvents.NONE;
        QueryReplica replica = new QueryReplica(dir, events, clock);
        SnapshotPuller puller;
        try {
            Files.createDirectories(dir.index());
            puller = new SnapshotPuller(
                    PullerSettings.of(indexer, token, dir.index(), SavedDictionaries.file(dir)), replica, clock);
        } catch (IOException e) {
            shared.close();
            throw new UncheckedIOException("can't prepare the replica's directory " + dir.root(), e);
        }
        ServedData data = new ServedData(
                        replica,
                        replica::suggester,
                        replica::generation,
                        settings.adminToken() == null ? null : new ForwardedCrawlJobs(indexer, settings.adminToken()))
                .withMetrics(shared)
                .withDocuments(replica::document, new ViewMarkup());
        ChatdaServer server = new ChatdaServer(settings, data, Replication.replica(puller), shared.rateLimits());
        try {
            server.start();
        } catch (RuntimeException e) {
            CloseAll.close("the replica", puller, shared, replica);
            throw new UsageException("can't listen on port " + port + ": " + e.getMessage());
        }
        puller.start();
        out.printf(
                "chatda query replica on %s://localhost:%d, pulling snapshots from %s (Ctrl-C to stop)%n",
                options.scheme(), server.port(), indexer);
        out.flush();
        return new ReplicaServing(server, puller, replica, shared);
    }

    int port() {
        return server.port();
    }

    /** Stops answering, then pulling, then closes the shared state and the copy; all even if one fails. */
    @Override
    public void close() {
        CloseAll.close("the replica", server::close, puller, shared, replica);
    }
}
