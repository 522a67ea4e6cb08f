package io.chatda.replica;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query replica's side of replication (docs/replication.md): polls the indexer's manifest, copies the files of a
 * new snapshot it lacks into its own index directory (verified, the commit point last), reopens its searchers, swaps
 * in the dictionary, deletes the files the new commit doesn't use, and only then reports the new generation.
 * Failures are logged, counted in {@code /metrics} and retried with backoff; what is served stays the last snapshot
 * installed whole.
 *
 * <p>Wiring: construct, {@link #start()} (or {@link #pullOnce()} first to start serving with data), read
 * {@link #generation()} (a replica without one is not ready), {@link #close()} on shutdown. Thread-safe.
 */
public final class SnapshotPuller implements ServedSnapshot, MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPuller.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final PullerSettings settings;
    private final SnapshotInstaller installer;
    private final List<LongConsumer> listeners = new ArrayList<>();
    private final PullMetrics metrics;
    private final ExecutorService http = Executors.newCachedThreadPool(daemon("chatda-replica-http"));
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(daemon("chatda-replica-puller"));
    private final IndexerClient indexer;
    private final LocalReplica local;
    private final SnapshotCopier copier;
    private final Backoff backoff;
    private final Object pulling = new Object();

    // the installed snapshot, written under `pulling`
    private volatile SnapshotManifest installed;
    private String installedTag;

    /**
     * @param installer where copied snapshots are installed
     * @param clock     the time snapshots' ages are measured with
     * @throws IOException if the local directories can't be created or cleaned of a previous run's temporary files
     */
    public SnapshotPuller(PullerSettings settings, SnapshotInstaller installer, Clock clock) throws IOException {
        this.settings = settings;
        this.installer = installer;
        this.local = new LocalReplica(settings.indexDir(), settings.dictionaryFile());
        this.metrics = new PullMetrics(clock, () -> installed);
        this.indexer = new IndexerClient(settings.indexer(), settings.token(), http);
        this.copier = new SnapshotCopier(indexer, local);
        this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
    }

    /** Calls {@code listener} with each generation installed, on the puller's thread, after it is served. */
    public void addListener(LongConsumer listener) {
        synchronized (listeners) {
            listeners.add(listener);
        }
    }

    /** Starts polling in the background: now, then {@code pollInterval} after each answer, backing off after failures. */
    public void start() {
        loop.execute(this::cycle);
    }

    private void cycle() {
        PullOutcome outcome = pullOnce();
        Duration delay;
        if (outcome.status() == PullOutcome.Status.FAILED) {
            delay = backoff.failed();
        } else {
            backoff.succeeded();
            delay = settings.pollInterval();
        }
        try {
            loop.schedule(this::cycle, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /**
     * Pulls once on the calling thread (one pull at a time): installs the indexer's snapshot if it is newer than the
     * one served. Never throws; a failure is logged, counted and returned.
     */
    public PullOutcome pullOnce() {
        synchronized (pulling) {
            try {
                return pull();
            } catch (PullException e) {
                return failed(e.failure(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PullOutcome(
                        PullOutcome.Status.FAILED, generation().orElse(0), 0, 0, PullFailure.UNREACHABLE);
            } catch (RuntimeException e) {
                return failed(PullFailure.INSTALL, e);
            }
        }
    }

    private PullOutcome pull() throws PullException, InterruptedException {
        SnapshotManifest current = installed;
        var fetched = indexer.manifest(installedTag, current == null ? Duration.ZERO : settings.longPoll());
        if (fetched.isEmpty() || (current != null && fetched.get().manifest().generation() == current.generation())) {
            return new PullOutcome(PullOutcome.Status.UP_TO_DATE, generation().orElse(0), 0, 0, null);
        }
        SnapshotManifest manifest = fetched.get().manifest();
        SnapshotCopier.Copied copied = copier.copy(manifest, current == null ? null : current.dictionary());
        install(manifest, copied);
        installed = manifest;
        installedTag = fetched.get().etag();
        metrics.installed(copied.files(), copied.bytes());
        log.info(
                "installed snapshot {} (index commit {}): {} files, {} bytes copied",
                manifest.generation(),
                manifest.segmentsFile(),
                copied.files(),
                copied.bytes());
        notifyListeners(manifest.generation());
        return new PullOutcome(
                PullOutcome.Status.INSTALLED, manifest.generation(), copied.files(), copied.bytes(), null);
    }

    /** Reopens the searchers on the copied commit, swaps the dictionary, then deletes what no commit uses now. */
    private void install(SnapshotManifest manifest, SnapshotCopier.Copied copied) throws PullException {
        try {
            installer.reopenIndex();
        } catch (Exception e) {
            SnapshotCopier.deleteQuietly(copied.dictionaryDownload());
            throw new PullException(
                    PullFailure.INSTALL, "can't open the copied index commit " + manifest.segmentsFile(), e);
        }
        try {
            if (copied.dictionary() != null) {
                if (copied.dictionaryDownload() != null) {
                    DurableFiles.moveIntoPlace(copied.dictionaryDownload(), local.dictionaryFile());
                }
                installer.swapDictionary(copied.dictionary());
            }
            local.removeUnreferenced(
                    manifest.files().stream().map(SnapshotFile::name).toList());
        } catch (IOException e) {
            SnapshotCopier.deleteQuietly(copied.dictionaryDownload());
            throw new PullException(
                    PullFailure.LOCAL_IO, "can't finish installing snapshot " + manifest.generation(), e);
        }
    }

    private PullOutcome failed(PullFailure failure, Exception e) {
        metrics.failed(failure);
        log.warn(
                "pulling the index snapshot from {} failed ({}); serving generation {} meanwhile",
                settings.indexer(),
                failure.tag(),
                generation().orElse(0),
                e);
        return new PullOutcome(PullOutcome.Status.FAILED, generation().orElse(0), 0, 0, failure);
    }

    private void notifyListeners(long generation) {
        List<LongConsumer> current;
        synchronized (listeners) {
            current = List.copyOf(listeners);
        }
        for (LongConsumer listener : current) {
            try {
                listener.accept(generation);
            } catch (RuntimeException e) {
                log.error("a snapshot generation listener failed", e);
            }
        }
    }

    /** The generation installed and served; empty until the first snapshot is installed. */
    @Override
    public OptionalLong generation() {
        SnapshotManifest current = installed;
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.generation());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        metrics.bindTo(registry);
    }

    /** Stops polling (interrupting a poll in progress) and waits for the puller's thread to end. */
    @Override
    public void close() {
        loop.shutdownNow();
        try {
            if (!loop.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the snapshot puller did not stop within {}", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
