package io.chatda.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chatda serve}: serve what the data directory holds. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve search, suggestions and the web page over HTTP/1.1 and h2c.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Mixin
    PortOption port;

    @Mixin
    ServeOptions serving;

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "query: a replica of an indexer's snapshots "
                    + "(needs --indexer-url); without it the server owns its data")
    Role role;

    @Option(names = "--indexer-url", paramLabel = "URL", description = "the indexer a query replica pulls from")
    String indexerUrl;

    @Spec
    CommandSpec spec;

    /** The roles of {@code serve}; the indexer has a command of its own. */
    enum Role {
        QUERY
    }

    @Override
    public Integer call() throws Exception {
        int listenPort = port.validated();
        serving.settings(listenPort); // bad options are a usage error before the data is opened
        if (role == Role.QUERY) {
            if (indexerUrl == null) {
                throw new UsageException("--role query needs --indexer-url");
            }
            Serving.closeOnExit(ReplicaServing.start(
                    data.directory(),
                    listenPort,
                    serving,
                    cluster,
                    ClusterOptions.indexerUrl(indexerUrl),
                    spec.commandLine().getOut()));
            return 0;
        }
        if (indexerUrl != null) {
            throw new UsageException("--indexer-url is for --role query");
        }
        SharedState shared = SharedState.of(cluster.redisOrNull(), Clock.systemUTC());
        Serving.closeOnExit(Serving.start(
                Library.open(data.directory(), data.queryPolicy()),
                data.directory(),
                listenPort,
                serving,
                spec.commandLine().getOut(),
                ServingRole.standalone(shared)));
        return 0;
    }
}
