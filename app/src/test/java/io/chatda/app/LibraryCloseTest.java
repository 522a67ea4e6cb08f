package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.suggest.QueryPolicy;
import io.chatda.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a library stops its background rebuild, waits for it within a deadline, then closes everything. */
class LibraryCloseTest {

    private static final Duration DEADLINE = Duration.ofMillis(500);
    private static final Set<String> OUR_THREADS = Set.of("chatda-suggest-rebuild", "chatda-querylog-writer");

    @TempDir
    Path dir;

    private final AtomicBoolean held = new AtomicBoolean();
    private final CountDownLatch building = new CountDownLatch(1);
    private final AtomicReference<Thread> builder = new AtomicReference<>();

    private static Set<Thread> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> OUR_THREADS.contains(t.getName()))
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    /** Opens a library whose next rebuild, once held, runs {@code slowBuild} on the rebuild thread. */
    private Library open(DataDirectory data, Consumer<BooleanSupplier> slowBuild) {
        DictionaryBuilder builds = (index, queries, stopping) -> {
            if (held.get()) {
                builder.set(Thread.currentThread());
                building.countDown();
                slowBuild.accept(stopping);
            }
            return SuggestionSources.build(index, queries, stopping);
        };
        RebuildSettings settings = new RebuildSettings(
                new MovableClock(Instant.parse("2026-01-01T00:00:00Z")),
                Duration.ofMinutes(5),
                Duration.ofMillis(5),
                DEADLINE,
                builds);
        return Library.open(data, QueryPolicy.personal(), settings);
    }

    private void closeUnderARunningRebuild(Consumer<BooleanSupplier> slowBuild, Duration within)
            throws InterruptedException {
        DataDirectory data = new DataDirectory(dir).create();
        Set<Thread> before = ourThreads();
        Library library = open(data, slowBuild);
        held.set(true);
        library.crawlSink().commit(); // a crawl checkpoint: a rebuild in the background
        assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        library.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(within);
        assertThat(builder.get().isAlive()).isFalse();
        assertThat(ourThreads()).isSubsetOf(before);
        try (Library reopened = Library.open(data)) { // the index's write lock was released: it is closed
            assertThat(reopened.index().size()).isZero();
        }
    }

    @Test
    void aRebuildThatChecksTheStopSignalEndsAtOnce() throws InterruptedException {
        closeUnderARunningRebuild(
                stopping -> {
                    while (!stopping.getAsBoolean()) { // a long build that checks the signal between pages
                        LockSupport.parkNanos(1_000_000);
                    }
                    throw new RebuildStoppedException();
                },
                DEADLINE);
    }

    @Test
    void aRebuildThatIgnoresTheStopSignalIsInterruptedAtTheDeadline() throws InterruptedException {
        closeUnderARunningRebuild(
                stopping -> {
                    try {
                        new CountDownLatch(1).await(); // a build blind to the stop signal
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RebuildStoppedException();
                    }
                },
                DEADLINE.multipliedBy(3));
    }
}
