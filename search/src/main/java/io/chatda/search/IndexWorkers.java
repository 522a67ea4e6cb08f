package io.chatda.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helper threads that analyse and read documents alongside the calling thread, so a commit or an
 * outline build uses every core. With no helpers, everything runs on the calling thread.
 */
final class IndexWorkers implements Closeable {

    /** An action on the i-th item of a batch. */
    @FunctionalInterface
    interface Item {
        void run(int i) throws IOException;
    }

    private final int helperCount;
    private final ExecutorService helpers;

    /** {@code helperCount} daemon threads named chatda-index-writer; none when 0. */
    IndexWorkers(int helperCount) {
        this.helperCount = helperCount;
        this.helpers = helperCount == 0
                ? null
                : Executors.newFixedThreadPool(helperCount, r -> {
                    Thread t = new Thread(r, "chatda-index-writer");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One helper per core but the caller's: for an index that writes. */
    static IndexWorkers forWriting() {
        return new IndexWorkers(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** Runs {@code task} on a helper in the background, or not at all without helpers. */
    void inBackground(Runnable task) {
        if (helpers != null) {
            helpers.execute(task);
        }
    }

    /**
     * Runs {@code action} for items 0 to {@code count - 1} on this thread and the helpers (one helper
     * per 8 items at most); returns when all are done. The first failure stops the batch and is thrown.
     */
    void inParallel(int count, Item action) throws IOException {
        int helping = Math.min(helperCount, count / 8);
        AtomicInteger next = new AtomicInteger();
        Callable<Void> drain = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                action.run(i);
            }
            return null;
        };
        List<Future<Void>> running = new ArrayList<>(helping);
        for (int h = 0; h < helping; h++) {
            running.add(helpers.submit(drain));
        }
        IOException failure = null;
        try {
            drain.call();
        } catch (IOException e) {
            failure = e;
            next.set(count);
        } catch (Exception e) {
            next.set(count);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            failure = awaitAll(running, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for every helper; returns the first I/O failure (the caller's first), rethrows anything else. */
    private static IOException awaitAll(List<Future<Void>> running, IOException failure) {
        for (Future<Void> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new InterruptedIOException("interrupted while indexing");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    failure = failure != null ? failure : io;
                } else if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return failure;
    }

    /** Stops the helpers and waits for the task they are running, if any, to end. */
    @Override
    public void close() throws IOException {
        if (helpers == null) {
            return;
        }
        helpers.shutdown();
        try {
            // a batch's items and the analysis warm-up end on their own
            helpers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the index's helper threads");
        }
    }
}
