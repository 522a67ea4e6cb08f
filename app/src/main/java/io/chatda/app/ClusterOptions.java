package io.chatda.app;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/**
 * The options that place a server in a cluster (docs/scale-out.md): the Redis every server shares, and the
 * token replicas present to the indexer's snapshot routes.
 */
final class ClusterOptions {

    @Option(
            names = "--redis",
            paramLabel = "URI",
            defaultValue = "${env:CHATDA_REDIS}",
            description = "Redis shared by the cluster (redis://host:port): per-client rate limits, the query log")
    String redis;

    @Option(
            names = "--replica-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:CHATDA_REPLICA_TOKEN}",
            description = "secret replicas present to the indexer's snapshot routes "
                    + "(prefer the CHATDA_REPLICA_TOKEN environment variable)")
    String replicaToken;

    /**
     * The replica token, checked like the admin token.
     *
     * @throws UsageException when it is missing or weak
     */
    String requiredReplicaToken() {
        if (replicaToken == null || replicaToken.isBlank()) {
            throw new UsageException(
                    "--replica-token (or CHATDA_REPLICA_TOKEN) is needed by an indexer and its replicas");
        }
        ServeOptions.requireStrongSecret("--replica-token", replicaToken);
        return replicaToken;
    }

    /** The Redis address, or null when the server keeps its state to itself. */
    String redisOrNull() {
        return redis == null || redis.isBlank() ? null : redis.strip();
    }

    /** {@code text} as the indexer's base URL. */
    static URI indexerUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(text, "not an http URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(
                    "--indexer-url must be an http URL such as http://indexer:8080, got '" + text + "'");
        }
    }
}
