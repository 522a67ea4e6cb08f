package io.chatda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import io.chatda.replica.PullFailure;
import io.chatda.replica.PullOutcome;
import io.chatda.replica.PullerSettings;
import io.chatda.replica.Retention;
import io.chatda.replica.SnapshotFile;
import io.chatda.replica.SnapshotInstaller;
import io.chatda.replica.SnapshotManifest;
import io.chatda.replica.SnapshotPublisher;
import io.chatda.replica.SnapshotPuller;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.search.TextAnalysis;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggester;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replication end to end with real parts: an indexer (a Lucene index with the publisher as its commit hook, behind a
 * real server on a random port) and a replica (its own Lucene directory, the puller's real HTTP client, its own
 * server), in temporary directories.
 */
class SnapshotReplicationTest {

    private static final String TOKEN = "replica-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SnapshotPublisher publisher;
    private SearchIndex writer;
    private ChatdaServer indexer;
    private ReplicaData replica;
    private SnapshotPuller puller;
    private ChatdaServer replicaServer;
    private WebClient toIndexer;
    private final ClientFactory clients = ClientFactory.builder().build();

    /** What the replica serves, installed by the puller. */
    static final class ReplicaData implements SnapshotInstaller {
        private final Path indexDir;
        volatile SearchIndex index;
        volatile Suggester suggester;

        ReplicaData(Path indexDir) {
            this.indexDir = indexDir;
        }

        @Override
        public void reopenIndex() {
            if (index == null) {
                index = SearchIndex.openReadOnly(indexDir);
            } else {
                index.refresh();
            }
        }

        @Override
        public void swapDictionary(CompletionIndex dictionary) {
            suggester = dictionary;
        }

        long hits(String query) {
            return index.search(query, 1, 10).totalHits();
        }
    }

    @BeforeEach
    void start() throws IOException {
        Path indexer = dir.resolve("indexer");
        publisher = new SnapshotPublisher(
                indexer.resolve("index"),
                indexer.resolve("suggest/dictionary.bin"),
                indexer.resolve("replica"),
                new Retention(0, Duration.ZERO),
                CLOCK);
        writer = SearchIndex.open(indexer.resolve("index"), TextAnalysis.standard(), publisher);
        this.indexer = new ChatdaServer(
                ServerSettings.onPort(0), ServedData.fixed(writer, () -> null), Replication.indexer(publisher, TOKEN));
        this.indexer.start();
        toIndexer = WebClient.builder("http://127.0.0.1:" + this.indexer.port())
                .factory(clients)
                .build();

        Path local = dir.resolve("replica");
        replica = new ReplicaData(local.resolve("index"));
        puller = new SnapshotPuller(
                PullerSettings.of(
                                URI.create("http://127.0.0.1:" + this.indexer.port()),
                                TOKEN,
                                local.resolve("index"),
                                local.resolve("suggest/dictionary.bin"))
                        .withLongPoll(Duration.ZERO)
                        .withPollInterval(Duration.ofMillis(10))
                        .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)),
                replica,
                CLOCK);
    }

    /** The replica's server, for the tests that look at what it answers (a server takes seconds to stop). */
    private WebClient replicaServer() {
        DataGeneration fixed = DataGeneration.fixed();
        replicaServer = new ChatdaServer(
                ServerSettings.onPort(0),
                new ServedData(
                        (query, page, size, options, client) -> replica.index.search(query, page, size, options),
                        () -> replica.suggester,
                        () -> fixed,
                        null),
                Replication.replica(puller));
        replicaServer.start();
        return WebClient.builder("http://127.0.0.1:" + replicaServer.port())
                .factory(clients)
                .build();
    }

    @AfterEach
    void stop() {
        clients.close();
        if (replicaServer != null) {
            replicaServer.close();
        }
        puller.close();
        if (replica.index != null) {
            replica.index.close();
        }
        indexer.close();
        writer.close();
        publisher.close();
    }

    private void add(String url, String title, String body) {
        writer.upsert(new SearchDocument(url, title, List.of(), body, "test", "mixed", List.of(), List.of(), ""));
    }

    private void saveDictionary(String... titles) throws IOException {
        List<SuggestEntry> entries = java.util.Arrays.stream(titles)
                .map(t -> new SuggestEntry(t, 1, SuggestEntry.Kind.TITLE, ""))
                .toList();
        DictionarySnapshot.save(CompletionIndex.build(entries), "test", dir.resolve("indexer/suggest/dictionary.bin"));
        publisher.publish();
    }

    private SnapshotManifest published() {
        return publisher.current().orElseThrow();
    }

    private static AggregatedHttpResponse get(WebClient client, String path, String token) {
        RequestHeaders headers = token == null
                ? RequestHeaders.of(HttpMethod.GET, path)
                : RequestHeaders.of(HttpMethod.GET, path, HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        return client.execute(headers).aggregate().join();
    }

    private static double metric(WebClient client, String nameAndLabels) {
        String scrape = client.get("/metrics").aggregate().join().contentUtf8();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$")
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void aPulledSnapshotIsSearchedOnTheReplicaWhichReportsItsGeneration() throws Exception {
        WebClient toReplica = replicaServer();
        assertThat(get(toReplica, "/ready", null).status().code()).isEqualTo(503);
        add("file:///deadlock.md", "교착상태 (Deadlock)", "교착상태는 프로세스가 서로의 자원을 기다리는 상태다.");
        writer.commit(Map.of());
        saveDictionary("교착상태 (Deadlock)");
        long generation = published().generation();

        PullOutcome outcome = puller.pullOnce();

        assertThat(outcome.status()).isEqualTo(PullOutcome.Status.INSTALLED);
        assertThat(outcome.generation()).isEqualTo(generation);
        assertThat(puller.generation()).hasValue(generation);
        assertThat(replica.hits("교착상태")).isEqualTo(1);
        AggregatedHttpResponse search = get(toReplica, "/api/search?q=deadlock", null);
        assertThat(JSON.readTree(search.contentUtf8()).get("total").asInt()).isEqualTo(1);
        assertThat(search.headers().get(ReplicaApi.GENERATION_HEADER)).isEqualTo(Long.toString(generation));
        AggregatedHttpResponse suggest = get(toReplica, "/api/suggest?q=%EA%B5%90", null);
        assertThat(JSON.readTree(suggest.contentUtf8()).get("suggestions")).hasSize(1);
        assertThat(suggest.headers().get(ReplicaApi.GENERATION_HEADER)).isEqualTo(Long.toString(generation));
        JsonNode ready = JSON.readTree(get(toReplica, "/ready", null).contentUtf8());
        assertThat(ready.get("snapshotGeneration").asLong()).isEqualTo(generation);
        assertThat(metric(toReplica, "chatda_replica_generation{role=\"replica\"}"))
                .isEqualTo(generation);
        assertThat(metric(toIndexer, "chatda_replica_generation{role=\"indexer\"}"))
                .isEqualTo(generation);
        assertThat(get(toIndexer, "/api/search?q=deadlock", null).headers().get(ReplicaApi.GENERATION_HEADER))
                .isEqualTo(Long.toString(generation));
        assertThat(puller.pullOnce().status()).isEqualTo(PullOutcome.Status.UP_TO_DATE);
    }

    @Test
    void aSecondCommitCopiesOnlyTheFilesTheReplicaLacks() {
        add("file:///a.md", "첫 문서", "처음 색인한 문서의 본문입니다. ".repeat(200));
        writer.commit(Map.of());
        PullOutcome first = puller.pullOnce();
        SnapshotManifest before = published();
        assertThat(first.filesCopied()).isEqualTo(before.files().size());

        add("file:///b.md", "둘째 문서", "나중에 더한 문서");
        writer.commit(Map.of());
        SnapshotManifest after = published();
        Set<String> had = before.files().stream().map(SnapshotFile::name).collect(Collectors.toSet());
        List<SnapshotFile> added =
                after.files().stream().filter(f -> !had.contains(f.name())).toList();
        PullOutcome second = puller.pullOnce();

        assertThat(second.status()).isEqualTo(PullOutcome.Status.INSTALLED);
        assertThat(added).hasSizeLessThan(after.files().size());
        assertThat(second.filesCopied()).isEqualTo(added.size());
        assertThat(second.bytesCopied())
                .isEqualTo(added.stream().mapToLong(SnapshotFile::length).sum());
        assertThat(replica.hits("둘째")).isEqualTo(1);
        assertThat(replica.hits("처음")).isEqualTo(1);
        assertThat(puller.pullOnce().filesCopied()).isZero();
    }

    @Test
    void aCorruptedFileIsDetectedCountedAndLeavesTheOldCommitServedUntilACopyIsWhole() throws IOException {
        add("file:///a.md", "첫 문서", "처음 색인한 문서");
        writer.commit(Map.of());
        assertThat(puller.pullOnce().status()).isEqualTo(PullOutcome.Status.INSTALLED);
        long served = puller.generation().orElseThrow();
        add("file:///b.md", "둘째 문서", "나중에 더한 문서 ".repeat(500));
        writer.commit(Map.of());
        Path damaged = largestNewFile();
        byte original = flipMiddleByte(damaged);

        PullOutcome failed = puller.pullOnce();

        assertThat(failed.status()).isEqualTo(PullOutcome.Status.FAILED);
        assertThat(failed.failure()).isEqualTo(PullFailure.CHECKSUM_MISMATCH);
        assertThat(puller.generation()).hasValue(served);
        replica.index.refresh(); // what a restart would open: still the old commit
        assertThat(replica.hits("둘째")).isZero();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        puller.bindTo(registry);
        assertThat(registry.get("chatda.replica.pull.failures")
                        .tag("reason", "checksum_mismatch")
                        .functionCounter()
                        .count())
                .isEqualTo(1);

        writeByte(damaged, original);
        PullOutcome retried = puller.pullOnce();

        assertThat(retried.status()).isEqualTo(PullOutcome.Status.INSTALLED);
        assertThat(replica.hits("둘째")).isEqualTo(1);
    }

    @Test
    void theBackgroundLoopRetriesAfterFailuresAndInstallsOnceTheCopyIsWhole() throws Exception {
        WebClient toReplica = replicaServer();
        add("file:///a.md", "첫 문서", "처음 색인한 문서 ".repeat(500));
        writer.commit(Map.of());
        saveDictionary("첫 문서");
        Path damaged = largestNewFile();
        byte original = flipMiddleByte(damaged);
        CountDownLatch installed = new CountDownLatch(1);
        puller.addListener(generation -> installed.countDown());

        puller.start();
        await(() -> metric(toReplica, "chatda_replica_pull_failures_total{reason=\"checksum_mismatch\"}") >= 2);
        assertThat(get(toReplica, "/ready", null).status().code()).isEqualTo(503);
        writeByte(damaged, original);

        assertThat(installed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(replica.hits("처음")).isEqualTo(1);
        assertThat(get(toReplica, "/ready", null).status().code()).isEqualTo(200);
    }

    @Test
    void deletedDocumentsAreGoneFromTheReplicaToo() {
        add("file:///a.md", "남을 문서", "계속 남는 문서");
        add("file:///b.md", "지울 문서", "곧 지워질 문서");
        writer.commit(Map.of());
        puller.pullOnce();
        assertThat(replica.hits("지워질")).isEqualTo(1);

        writer.delete("file:///b.md");
        writer.commit(Map.of());
        assertThat(puller.pullOnce().status()).isEqualTo(PullOutcome.Status.INSTALLED);

        assertThat(replica.hits("지워질")).isZero();
        assertThat(replica.index.size()).isEqualTo(1);
    }

    @Test
    void theReplicaRoutesNeedTheTokenAndServeOnlyTheSnapshotsFiles() throws Exception {
        assertThat(get(toIndexer, "/replica/manifest", TOKEN).status().code()).isEqualTo(503);
        add("file:///a.md", "문서", "본문");
        writer.commit(Map.of());
        SnapshotManifest first = published();
        long g = first.generation();

        assertThat(get(toIndexer, "/replica/manifest", null).status().code()).isEqualTo(401);
        assertThat(get(toIndexer, "/replica/manifest", "wrong").status().code()).isEqualTo(401);
        assertThat(get(toIndexer, "/replica/file/" + g + "/" + first.segmentsFile(), null)
                        .status()
                        .code())
                .isEqualTo(401);
        AggregatedHttpResponse manifest = get(toIndexer, "/replica/manifest", TOKEN);
        assertThat(SnapshotManifest.parse(manifest.content().array())).isEqualTo(first);
        assertThat(get(toIndexer, "/replica/file/" + g + "/" + first.segmentsFile(), TOKEN)
                        .content()
                        .length())
                .isEqualTo(first.file(first.segmentsFile()).orElseThrow().length());
        for (String name : List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "..",
                "%2e%2e",
                "write.lock",
                "..%2Findex%2F" + first.segmentsFile(),
                "..%5C" + first.segmentsFile(),
                "x")) {
            assertThat(get(toIndexer, "/replica/file/" + g + "/" + name, TOKEN)
                            .status()
                            .code())
                    .as(name)
                    .isIn(400, 404);
        }
        assertThat(get(toIndexer, "/replica/file/abc/" + first.segmentsFile(), TOKEN)
                        .status()
                        .code())
                .isEqualTo(400);
        assertThat(get(toIndexer, "/replica/file/" + (g + 1) + "/" + first.segmentsFile(), TOKEN)
                        .status()
                        .code())
                .isEqualTo(404);

        String etag = manifest.headers().get(HttpHeaderNames.ETAG);
        RequestHeaders conditional = RequestHeaders.of(
                HttpMethod.GET,
                "/replica/manifest",
                HttpHeaderNames.AUTHORIZATION,
                "Bearer " + TOKEN,
                HttpHeaderNames.IF_NONE_MATCH,
                etag);
        assertThat(toIndexer.execute(conditional).aggregate().join().status().code())
                .isEqualTo(304);
        long start = System.nanoTime();
        AggregatedHttpResponse nothingNew = toIndexer
                .execute(conditional.toBuilder()
                        .set(HttpHeaderNames.PREFER, "wait=1")
                        .build())
                .aggregate()
                .join();
        assertThat(nothingNew.status().code()).isEqualTo(304);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        CompletableFuture<AggregatedHttpResponse> longPoll = toIndexer
                .execute(conditional.toBuilder()
                        .set(HttpHeaderNames.PREFER, "wait=30")
                        .build())
                .aggregate();
        add("file:///b.md", "새 문서", "새 본문");
        writer.commit(Map.of());
        AggregatedHttpResponse answered = longPoll.get(10, TimeUnit.SECONDS);
        assertThat(answered.status().code()).isEqualTo(200);
        assertThat(SnapshotManifest.parse(answered.content().array()).generation())
                .isEqualTo(g + 1);
        // no replica was copying it and retention keeps none: the first generation is no longer held
        assertThat(get(toIndexer, "/replica/file/" + g + "/" + first.segmentsFile(), TOKEN)
                        .status()
                        .code())
                .isEqualTo(410);
    }

    /** The largest file of the published commit that the replica hasn't got. */
    private Path largestNewFile() {
        Path replicaIndex = dir.resolve("replica/index");
        SnapshotFile file = published().files().stream()
                .filter(f -> !f.name().startsWith("segments") && !Files.exists(replicaIndex.resolve(f.name())))
                .max(Comparator.comparingLong(SnapshotFile::length))
                .orElseThrow();
        return dir.resolve("indexer/index").resolve(file.name());
    }

    private static byte flipMiddleByte(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, channel.size() / 2);
            byte original = one.get(0);
            writeByte(file, (byte) (original ^ 0x5a));
            return original;
        }
    }

    private static void writeByte(Path file, byte value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {value}), channel.size() / 2);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
