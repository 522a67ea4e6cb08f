package io.chatda.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a library's suggestion rebuilds off the request path, one at a time on a thread of its own: on demand
 * (after a crawl checkpoint) and whenever a {@link RebuildPeriod} has passed on the settings' clock and a rebuild
 * is needed. A rebuild that fails is logged with its stack trace and counted ({@link BackgroundFailures}), and
 * the schedule goes on. {@link #close()} raises the stop signal (a running rebuild gives up at its next check),
 * waits for the thread until the settings' deadline, interrupts it past that, and waits once more.
 */
final class SuggestionRebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SuggestionRebuilds.class);

    private final RebuildSettings settings;
    private final BackgroundFailures failures;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    private volatile boolean stopping;

    SuggestionRebuilds(RebuildSettings settings, BackgroundFailures failures) {
        this.settings = settings;
        this.failures = failures;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chatda-suggest-rebuild");
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
    }

    /** Runs {@code rebuild} each time a period has passed on the clock and {@code needed} says so. */
    void schedulePeriodic(BooleanSupplier needed, Runnable rebuild) {
        RebuildPeriod period = new RebuildPeriod(settings.clock(), settings.period());
        long every = settings.checkEvery().toMillis();
        executor.scheduleWithFixedDelay(
                () -> runGuarded(() -> {
                    if (period.due() && needed.getAsBoolean()) {
                        rebuild.run();
                    }
                }),
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code rebuild} soon, after any rebuild already under way; nothing once closing. */
    void submit(Runnable rebuild) {
        try {
            executor.execute(() -> runGuarded(rebuild));
        } catch (RejectedExecutionException e) {
            log.info("suggestion rebuild not started: the library is closing");
        }
    }

    /** The stop signal a rebuild checks as it goes. */
    BooleanSupplier stopping() {
        return () -> stopping;
    }

    private void runGuarded(Runnable work) {
        if (stopping) {
            return;
        }
        try {
            work.run();
        } catch (RebuildStoppedException e) {
            log.info(e.getMessage());
        } catch (RuntimeException | Error e) {
            failures.record(BackgroundFailures.Task.SUGGEST_REBUILD, e);
            if (e instanceof VirtualMachineError) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        executor.shutdown();
        try {
            long deadline = settings.closeDeadline().toMillis();
            if (!executor.awaitTermination(deadline, TimeUnit.MILLISECONDS)) {
                log.warn("the suggestion rebuild did not stop within {}; interrupting it", settings.closeDeadline());
                executor.shutdownNow();
                executor.awaitTermination(deadline, TimeUnit.MILLISECONDS);
            }
            for (Thread t : threads) {
                t.join(deadline);
                if (t.isAlive()) {
                    log.error("the suggestion rebuild thread is still running after close: {}", t);
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
