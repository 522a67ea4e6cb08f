package io.chatda.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatda.app.cluster.ClusterInfo;
import io.chatda.app.cluster.LocalCluster;
import io.chatda.shared.MissingProgramException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chatda cluster}: a whole cluster on this machine (redis-server, an indexer, N query replicas, HAProxy in
 * front; docs/scale-out.md) until Ctrl-C, and {@code chatda cluster import} to add documents through its indexer.
 * Installs nothing: a missing program is named with the package that has it.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        subcommands = ClusterCommand.Import.class,
        description = "Run a cluster on this machine: Redis, an indexer and query replicas behind HAProxy.")
final class ClusterCommand implements Callable<Integer> {

    @Option(
            names = "--replicas",
            paramLabel = "N",
            defaultValue = "3",
            description = "query replicas behind the load balancer (default: ${DEFAULT-VALUE})")
    int replicas;

    @Mixin
    PortOption port;

    @Option(
            names = "--rate-limit-search",
            paramLabel = "N[/BURST]",
            defaultValue = "20/40",
            description = "per-client searches a second across all replicas, or off (default: ${DEFAULT-VALUE})")
    String searchRate;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "chatda-cluster",
            description = "the cluster's directory: the indexer's data, each replica's copy, logs "
                    + "(default: ${DEFAULT-VALUE})")
    Path root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (replicas < 1 || replicas > 32) {
            throw new UsageException("--replicas must be between 1 and 32");
        }
        int listenPort = port.validated();
        PrintWriter out = spec.commandLine().getOut();
        if (ClusterInfo.read(root).isPresent()) {
            throw new UsageException("a cluster is already running in " + root + " (or was killed: delete "
                    + root.resolve("cluster.properties") + ")");
        }
        out.printf("starting redis-server, an indexer, %d query replicas and haproxy in %s ...%n", replicas, root);
        out.flush();
        LocalCluster cluster;
        try {
            cluster = LocalCluster.start(root, replicas, listenPort, List.of("--rate-limit-search", searchRate), out);
        } catch (MissingProgramException e) {
            throw new UsageException(e.getMessage());
        }
        out.printf(
                "chatda cluster on %s (Ctrl-C to stop); add documents with: chatda cluster import PATH --data %s%n",
                cluster.url(), root);
        out.flush();
        Serving.closeOnExit(cluster);
        return 0;
    }

    /** {@code chatda cluster import PATH…}: files and folders imported by the running cluster's indexer. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import files and folders through the running cluster's indexer.")
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Markdown, HTML or text files, or folders")
        List<Path> paths;

        @Option(
                names = "--site",
                paramLabel = "NAME",
                defaultValue = "local",
                description = "site name the documents are filed under (default: ${DEFAULT-VALUE})")
        String site;

        @Option(
                names = "--data",
                paramLabel = "DIR",
                defaultValue = "chatda-cluster",
                description = "the cluster's directory (default: ${DEFAULT-VALUE})")
        Path root;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ClusterInfo info = ClusterInfo.read(root)
                    .orElseThrow(() -> new UsageException("no cluster is running in " + root
                            + ": start one with 'chatda cluster --data " + root + "'"));
            ObjectMapper json = new ObjectMapper();
            String body = json.writeValueAsString(java.util.Map.of(
                    "paths",
                    paths.stream()
                            .map(p -> p.toAbsolutePath().normalize().toString())
                            .toList(),
                    "site",
                    site));
            HttpRequest request = HttpRequest.newBuilder(URI.create(info.indexerUrl() + "/api/admin/import"))
                    .header("Authorization", "Bearer " + info.adminToken())
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> answer;
            try {
                answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UsageException(
                        "the cluster's indexer at " + info.indexerUrl() + " can't be reached: " + e.getMessage());
            }
            if (answer.statusCode() == 400) {
                throw new UsageException(
                        json.readTree(answer.body()).path("error").asText());
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "the indexer answered HTTP " + answer.statusCode() + ": " + answer.body());
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "imported through the indexer: %s; replicas serve it within seconds at %s%n",
                            answer.body(), info.url());
            return 0;
        }
    }
}
