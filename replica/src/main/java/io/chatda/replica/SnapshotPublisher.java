package io.chatda.replica;

import io.chatda.search.CommitHook;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's side of replication (docs/replication.md): after each commit of the index, and whenever the app
 * saves a new suggestion dictionary, publishes a snapshot, a {@link SnapshotManifest} of the commit's files and the
 * dictionary with their checksums, and holds its files on disk while replicas may copy them (see {@link Retention}).
 *
 * <p>Wiring: open the index with this as its {@link CommitHook}
 * ({@code SearchIndex.open(dir, analysis, publisher)}), call {@link #publish()} once after opening and after each
 * dictionary save, serve {@link #current()}, {@link #newerThan} and {@link #open} over HTTP, and close it after the
 * server. Thread-safe.
 */
public final class SnapshotPublisher implements CommitHook, ServedSnapshot, MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final String GENERATION_FILE = "generation";
    private static final String DICTIONARY_COPY = "dictionary-";

    private final Path indexDir;
    private final Path dictionaryFile;
    private final Path stateDir;
    private final Clock clock;
    private final SnapshotDeletionPolicy commits = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    private final HeldGenerations held;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong filesOpened = new AtomicLong();
    private long lastGeneration;
    private CompletableFuture<SnapshotManifest> next = new CompletableFuture<>();
    private boolean closed;

    /**
     * @param indexDir       the index's directory (the one the index is opened on with this hook)
     * @param dictionaryFile where the app saves the suggestion dictionary; it may not exist yet
     * @param stateDir       the publisher's own directory: the last generation number and the held dictionary copies
     *                       (hard links where the file system allows); created if absent
     * @throws IOException if the state directory can't be read or created
     */
    public SnapshotPublisher(Path indexDir, Path dictionaryFile, Path stateDir, Retention retention, Clock clock)
            throws IOException {
        this.indexDir = indexDir;
        this.dictionaryFile = dictionaryFile;
        this.stateDir = stateDir;
        this.clock = clock;
        this.held = new HeldGenerations(retention);
        Files.createDirectories(stateDir);
        this.lastGeneration = readLastGeneration();
        // copies held before a restart: nothing holds them now
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(stateDir, DICTIONARY_COPY + "*")) {
            for (Path copy : copies) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /** The index writer's policy: Lucene's last-commit policy, except for the commits held for replicas. */
    @Override
    public IndexDeletionPolicy deletionPolicy() {
        return commits;
    }

    /** Publishes the commit just made; see {@link #publish()}. */
    @Override
    public void committed() {
        publish();
    }

    /**
     * Publishes the index's last commit with the dictionary file as it is now, unless both are what is published
     * already. Failures are logged and counted, never thrown: the last published snapshot stays current.
     *
     * @return the current snapshot; empty while the index has no commit
     */
    public synchronized Optional<SnapshotManifest> publish() {
        if (closed) {
            return current();
        }
        IndexCommit commit;
        try {
            commit = commits.snapshot();
        } catch (IllegalStateException e) {
            return current(); // no commit yet
        } catch (IOException e) {
            failures.incrementAndGet();
            log.error("can't hold the index's last commit for a snapshot; replicas keep the previous one", e);
            return current();
        }
        HeldGenerations.Dictionary dictionary = null;
        HeldGenerations.Held current = held.current();
        try {
            Object version = dictionaryVersion();
            HeldGenerations.Dictionary published = current == null ? null : current.dictionary;
            boolean sameDictionary = Objects.equals(version, published == null ? null : published.version());
            if (current != null && current.commit.getGeneration() == commit.getGeneration() && sameDictionary) {
                release(commit);
                return Optional.of(current.manifest);
            }
            long generation = lastGeneration + 1;
            dictionary = sameDictionary ? published : copyDictionary(version, generation);
            SnapshotManifest manifest = new SnapshotManifest(
                    generation,
                    commit.getGeneration(),
                    commit.getSegmentsFileName(),
                    indexFiles(commit, current),
                    dictionary == null ? null : dictionary.entry(),
                    clock.millis());
            DurableFiles.write(
                    stateDir.resolve(GENERATION_FILE), Long.toString(generation).getBytes(StandardCharsets.UTF_8));
            lastGeneration = generation;
            held.add(new HeldGenerations.Held(manifest, commit, dictionary), clock.instant());
            next.complete(manifest);
            next = new CompletableFuture<>();
            retire();
            return Optional.of(manifest);
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            log.error(
                    "can't publish a snapshot of the index commit {}; replicas keep the previous one",
                    commit.getSegmentsFileName(),
                    e);
            release(commit);
            if (dictionary != null && !held.usesDictionary(dictionary.copy())) {
                deleteQuietly(dictionary.copy());
            }
            return current();
        }
    }

    /** The snapshot published last; empty before the first. */
    public synchronized Optional<SnapshotManifest> current() {
        HeldGenerations.Held current = held.current();
        return current == null ? Optional.empty() : Optional.of(current.manifest);
    }

    @Override
    public synchronized OptionalLong generation() {
        HeldGenerations.Held current = held.current();
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.manifest.generation());
    }

    /**
     * The first snapshot published with a generation above {@code generation}: completed already if there is one,
     * else when it is published (for long polls; each call returns its own future, which the caller may time out).
     * Fails with {@link CancellationException} when the publisher is closed.
     */
    public synchronized CompletableFuture<SnapshotManifest> newerThan(long generation) {
        HeldGenerations.Held current = held.current();
        if (current != null && current.manifest.generation() > generation) {
            return CompletableFuture.completedFuture(current.manifest);
        }
        return next.thenApply(m -> m);
    }

    /**
     * Opens a file of a held snapshot for sending; the snapshot stays held until the returned file is closed.
     *
     * @throws SnapshotGoneException if that generation was published but is no longer held
     * @throws UnknownSnapshotFileException if there is no such generation yet, or no such file in it
     */
    public synchronized HeldFile open(long generation, String name)
            throws SnapshotGoneException, UnknownSnapshotFileException {
        HeldGenerations.Held snapshot = held.get(generation);
        if (snapshot == null) {
            if (generation > 0 && generation <= lastGeneration) {
                throw new SnapshotGoneException(generation);
            }
            throw new UnknownSnapshotFileException("no snapshot generation " + generation);
        }
        SnapshotFile entry = snapshot.manifest
                .file(name)
                .orElseThrow(() ->
                        new UnknownSnapshotFileException("no file " + name + " in snapshot generation " + generation));
        Path path =
                entry.name().equals(SnapshotManifest.DICTIONARY) ? snapshot.dictionary.copy() : indexDir.resolve(name);
        snapshot.readers++;
        filesOpened.incrementAndGet();
        return new HeldFile(path, entry, () -> closed(snapshot));
    }

    private synchronized void closed(HeldGenerations.Held snapshot) {
        snapshot.readers--;
        retire();
    }

    /** Lets go of what retention no longer keeps; Lucene deletes a released commit's files at its next commit. */
    private void retire() {
        for (HeldGenerations.Held gone : held.retire(clock.instant())) {
            release(gone.commit);
            if (gone.dictionary != null && !held.usesDictionary(gone.dictionary.copy())) {
                deleteQuietly(gone.dictionary.copy());
            }
        }
    }

    private void release(IndexCommit commit) {
        try {
            commits.release(commit);
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            log.error(
                    "can't release the held index commit {}; its files stay until the indexer restarts",
                    commit.getSegmentsFileName(),
                    e);
        }
    }

    private List<SnapshotFile> indexFiles(IndexCommit commit, HeldGenerations.Held previous) throws IOException {
        List<SnapshotFile> files = new ArrayList<>();
        for (String name : commit.getFileNames()) {
            // a Lucene file name is never reused with other content, so a file published before is the same file
            Optional<SnapshotFile> known = previous == null ? Optional.empty() : previous.manifest.file(name);
            files.add(
                    known.isPresent()
                            ? known.get()
                            : Checksums.indexFile(commit.getDirectory(), name, indexDir.resolve(name)));
        }
        files.sort(Comparator.comparing(SnapshotFile::name));
        return files;
    }

    /** Which file is at the dictionary path now (file key, size, time), or null if there is none. */
    private Object dictionaryVersion() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(dictionaryFile, BasicFileAttributes.class);
            return List.of(Objects.requireNonNullElse(a.fileKey(), ""), a.size(), a.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Holds the dictionary as it is now under a name of its own, so the app's next save (a rename over the path)
     * can't change what replicas are copying: a hard link where the file system allows, else a copy.
     */
    private HeldGenerations.Dictionary copyDictionary(Object version, long generation) throws IOException {
        if (version == null) {
            return null;
        }
        Path copy = stateDir.resolve(DICTIONARY_COPY + generation + ".bin");
        Files.deleteIfExists(copy);
        try {
            Files.createLink(copy, dictionaryFile);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(dictionaryFile, copy);
        }
        SnapshotFile entry = new SnapshotFile(
                SnapshotManifest.DICTIONARY, Files.size(copy), Checksums.crc32(copy), ChecksumKind.CRC32);
        return new HeldGenerations.Dictionary(version, entry, copy);
    }

    private long readLastGeneration() throws IOException {
        try {
            return Long.parseLong(Files.readString(stateDir.resolve(GENERATION_FILE), StandardCharsets.UTF_8)
                    .strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            throw new IOException("damaged " + stateDir.resolve(GENERATION_FILE) + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("can't delete the released dictionary copy {}", file, e);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chatda.replica.generation", this, p -> p.generation().orElse(0))
                .tag("role", "indexer")
                .description("snapshot generation served (0: none yet)")
                .register(registry);
        Gauge.builder("chatda.replica.held.generations", this, SnapshotPublisher::heldCount)
                .description("snapshots whose files the indexer holds for replicas")
                .register(registry);
        FunctionCounter.builder("chatda.replica.publish.failures", failures, AtomicLong::get)
                .description("snapshots that could not be published")
                .register(registry);
        FunctionCounter.builder("chatda.replica.files.opened", filesOpened, AtomicLong::get)
                .description("snapshot files sent to replicas")
                .register(registry);
    }

    private synchronized int heldCount() {
        return held.size();
    }

    /** Ends long polls ({@link #newerThan} fails with a {@link CancellationException}) and publishes no more. */
    @Override
    public synchronized void close() {
        closed = true;
        next.completeExceptionally(new CancellationException("the snapshot publisher is closed"));
    }
}
