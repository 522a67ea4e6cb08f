package io.chatda.app.cluster;

import io.chatda.shared.Programs;
import io.chatda.shared.RedisServerProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chatda cluster} on one machine: redis-server, one indexer, N query replicas and HAProxy in front,
 * each a child process on loopback. A replica that dies is started again (as Kubernetes would), so a
 * {@code kill -9} shows both the failover and the return. {@link #close()} stops them all.
 *
 * <p>Layout of the cluster directory: {@code indexer/} (the indexer's data), {@code replica-N/} (each
 * replica's copy), {@code logs/}, {@code haproxy.cfg} and {@code cluster.properties} (how to reach the
 * indexer, read by {@code chatda cluster import}).
 */
public final class LocalCluster implements AutoCloseable {

    /** How long a start may take before the cluster gives up. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration SUPERVISE_EVERY = Duration.ofMillis(500);
    private static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseParallelGC");
    private static final Logger log = LoggerFactory.getLogger(LocalCluster.class);

    private final Path root;
    private final int port;
    private volatile RedisServerProcess redis;
    private final ChildProcess indexer;
    private final List<ChildProcess> replicas;
    private final List<Integer> replicaPorts;
    private final int indexerPort;
    private final Map<String, String> secrets;
    private final ChildProcess haproxy;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final PrintWriter out;
    private volatile boolean closing;

    private LocalCluster(
            Path root,
            int port,
            RedisServerProcess redis,
            ChildProcess indexer,
            int indexerPort,
            List<ChildProcess> replicas,
            List<Integer> replicaPorts,
            Map<String, String> secrets,
            ChildProcess haproxy,
            PrintWriter out) {
        this.root = root;
        this.port = port;
        this.redis = redis;
        this.indexer = indexer;
        this.indexerPort = indexerPort;
        this.replicas = replicas;
        this.replicaPorts = List.copyOf(replicaPorts);
        this.secrets = secrets;
        this.haproxy = haproxy;
        this.out = out;
    }

    /**
     * Starts the cluster and returns once every replica is ready behind the load balancer.
     *
     * @param serveOptions more options of every query replica's {@code serve}, e.g. its rate limits
     * @throws io.chatda.shared.MissingProgramException when redis-server or haproxy is not installed
     * @throws IOException when a part does not start (its log is named)
     */
    public static LocalCluster start(Path root, int replicaCount, int port, List<String> serveOptions, PrintWriter out)
            throws IOException {
        Path haproxyProgram = Programs.find("haproxy", "haproxy");
        Files.createDirectories(root.resolve("logs"));
        int lbPort = port == 0 ? freePort() : port;
        int indexerPort = freePort();
        String token = secret();
        Map<String, String> secrets = Map.of("CHATDA_ADMIN_TOKEN", token, "CHATDA_REPLICA_TOKEN", secret());
        RedisServerProcess redis = RedisServerProcess.start(freePort(), root.resolve("logs/redis.log"));
        List<ChildProcess> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        // stopped or killed (SIGTERM) while starting: what has started is stopped too
        Thread stopStarted = new Thread(
                () -> {
                    started.forEach(ChildProcess::stop);
                    redis.close();
                },
                "cluster-start-aborted");
        Runtime.getRuntime().addShutdownHook(stopStarted);
        try {
            ChildProcess indexer = ChildProcess.chatda(
                            "indexer",
                            JVM,
                            List.of(
                                    "indexer",
                                    "--data",
                                    root.resolve("indexer").toString(),
                                    "--port",
                                    Integer.toString(indexerPort),
                                    "--redis",
                                    redis.uri(),
                                    "--allow-private-crawls",
                                    "--allow-path-imports"),
                            secrets,
                            root.resolve("logs/indexer.log"))
                    .start();
            started.add(indexer);
            awaitReady(indexer, indexerPort);
            List<ChildProcess> replicas = new ArrayList<>();
            List<Integer> replicaPorts = new ArrayList<>();
            for (int i = 1; i <= replicaCount; i++) {
                int p = freePort();
                List<String> args = new ArrayList<>(List.of(
                        "serve",
                        "--role",
                        "query",
                        "--data",
                        root.resolve("replica-" + i).toString(),
                        "--port",
                        Integer.toString(p),
                        "--indexer-url",
                        "http://127.0.0.1:" + indexerPort,
                        "--redis",
                        redis.uri(),
                        "--trusted-proxy",
                        "127.0.0.1"));
                args.addAll(serveOptions);
                ChildProcess replica = ChildProcess.chatda(
                                "replica-" + i, JVM, args, secrets, root.resolve("logs/replica-" + i + ".log"))
                        .start();
                started.add(replica);
                replicas.add(replica);
                replicaPorts.add(p);
            }
            for (int i = 0; i < replicas.size(); i++) {
                awaitReady(replicas.get(i), replicaPorts.get(i));
            }
            Path config = Files.writeString(
                    root.resolve("haproxy.cfg"),
                    new HaproxyConfig(
                                    lbPort,
                                    replicaPorts,
                                    root.resolve("haproxy.sock").toString())
                            .render());
            ChildProcess haproxy = new ChildProcess(
                            "haproxy",
                            List.of(haproxyProgram.toString(), "-db", "-f", config.toString()),
                            Map.of(),
                            root.resolve("logs/haproxy.log"))
                    .start();
            started.add(haproxy);
            awaitReady(haproxy, lbPort);
            ClusterInfo.write(
                    root, new ClusterInfo("http://127.0.0.1:" + lbPort, "http://127.0.0.1:" + indexerPort, token));
            LocalCluster cluster = new LocalCluster(
                    root, lbPort, redis, indexer, indexerPort, replicas, replicaPorts, secrets, haproxy, out);
            cluster.supervise();
            Runtime.getRuntime().removeShutdownHook(stopStarted);
            return cluster;
        } catch (IOException | RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stopStarted);
            stopStarted.run();
            throw e;
        }
    }

    /** The load balancer's address, where clients go. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The process id of replica {@code i} (1-based), e.g. for a test that kills it. */
    public long replicaPid(int i) {
        return replicas.get(i - 1).pid();
    }

    /** Replica {@code i}'s own address (1-based), behind the load balancer's back. */
    public String replicaUrl(int i) {
        return "http://127.0.0.1:" + replicaPorts.get(i - 1);
    }

    public String indexerUrl() {
        return "http://127.0.0.1:" + indexerPort;
    }

    /** The admin API's bearer token (the indexer's, which replicas check too). */
    public String adminToken() {
        return secrets.get("CHATDA_ADMIN_TOKEN");
    }

    /** The indexer's process id, e.g. for a test that kills it. */
    public long indexerPid() {
        return indexer.pid();
    }

    /** Starts the indexer again on its port and data if it has died, and waits until it is ready. */
    public void restartIndexer() throws IOException {
        if (!indexer.alive()) {
            indexer.start();
        }
        awaitReady(indexer, indexerPort);
    }

    /** HAProxy's stats socket (admin level), e.g. for {@code show stat}. */
    public Path haproxySocket() {
        return root.resolve("haproxy.sock");
    }

    /** Stops Redis, as an outage would (the servers go on with local state). */
    public void stopRedis() {
        redis.close();
    }

    /** Starts Redis again on its port, empty. */
    public void startRedis() throws IOException {
        redis = RedisServerProcess.start(redis.port(), root.resolve("logs/redis.log"));
    }

    public int replicaCount() {
        return replicas.size();
    }

    private void supervise() {
        supervisor.scheduleWithFixedDelay(
                () -> {
                    try {
                        restartDeadReplicas();
                    } catch (RuntimeException e) {
                        log.error("cluster supervisor failed; trying again", e);
                    }
                },
                SUPERVISE_EVERY.toMillis(),
                SUPERVISE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void restartDeadReplicas() {
        for (ChildProcess replica : replicas) {
            if (closing || replica.alive()) {
                continue;
            }
            out.printf("%s exited with %d; starting it again%n", replica.name(), replica.exitValue());
            out.flush();
            try {
                replica.start();
            } catch (IOException e) {
                throw new UncheckedIOException("can't restart " + replica.name(), e);
            }
        }
    }

    /** Waits until {@code /ready} (or, for HAProxy, any answer) is 200 at the process's port. */
    private static void awaitReady(ChildProcess process, int port) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IOException(process.name() + " exited at start; see " + process.log());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + process.name(), e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IOException(process.name() + " was not ready within " + START_TIMEOUT + "; see " + process.log());
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the load balancer first, then the replicas, the indexer and Redis, and waits for each. */
    @Override
    public void close() {
        closing = true;
        supervisor.shutdownNow();
        try {
            supervisor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        haproxy.stop();
        replicas.parallelStream().forEach(ChildProcess::stop);
        indexer.stop();
        redis.close();
        ClusterInfo.remove(root);
    }
}
