package io.chatda.app;

import io.chatda.replica.Retention;
import io.chatda.replica.SnapshotPublisher;
import io.chatda.server.Replication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatda indexer}: the one writer of a cluster. It owns the data directory (crawl store, index, query log,
 * dictionary), runs admin crawl jobs, consumes the replicas' query log from Redis, and publishes a snapshot of the
 * index and dictionary after every change for the query replicas to pull (docs/replication.md). It serves search
 * and suggestions too, like {@code serve}.
 */
@Command(
        name = "indexer",
        mixinStandardHelpOptions = true,
        description = "Run a cluster's indexer: crawl jobs, index writes, snapshots for query replicas.")
final class IndexerCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Mixin
    PortOption port;

    @Mixin
    ServeOptions serving;

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--allow-path-imports",
            description = "let the admin API import files and folders of this machine "
                    + "(POST /api/admin/import; chatda cluster import uses it)")
    boolean pathImports;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int listenPort = port.validated();
        serving.settings(listenPort);
        String token = cluster.requiredReplicaToken();
        DataDirectory dir = data.directory().create();
        Clock clock = Clock.systemUTC();
        SnapshotPublisher publisher;
        try {
            publisher = new SnapshotPublisher(
                    dir.index(),
                    SavedDictionaries.file(dir),
                    dir.root().resolve("snapshots"),
                    Retention.DEFAULT,
                    clock);
        } catch (IOException e) {
            throw new UncheckedIOException("can't prepare the snapshot directory in " + dir.root(), e);
        }
        Library library = Library.openPublishing(dir, data.queryPolicy(), publisher);
        SharedState shared = SharedState.of(cluster.redisOrNull(), clock);
        if (shared.shared()) {
            shared.consumeQueryLog(library.queryEvents());
        }
        Serving.closeOnExit(Serving.start(
                library,
                dir,
                listenPort,
                serving,
                spec.commandLine().getOut(),
                new ServingRole(Replication.indexer(publisher, token), shared, publisher, pathImports)));
        return 0;
    }
}
