package io.chatda.suggest;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query log's one writer: appends event lines to the events file, and runs the log's other file work, on a
 * background thread of its own, so a search never waits for the disk nor fails because of it. Lines wait in a
 * bounded queue: {@link #offer} never blocks, and a line that finds the queue full is dropped and counted
 * ({@link #dropped()}). A failed write is logged (the first of a run of failures, with its stack trace) and
 * counted ({@link #failedWrites()}). File work ({@link #submit}) runs in order with the lines, after those
 * offered before it are flushed and the file is closed, so a compaction folds exactly the lines before it.
 */
final class EventWriter {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    /** Work on the log's files, run on the writer thread. */
    @FunctionalInterface
    interface FileWork {
        void run() throws IOException;
    }

    private sealed interface Command permits Line, Work, Stop {}

    private record Line(String text) implements Command {}

    private record Work(FileWork work, CompletableFuture<Void> done) implements Command {}

    private record Stop() implements Command {}

    private final Path file;
    private final QueryLog.EventsOpener opener;
    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean closing;
    // the writer thread's own state
    private Writer out;
    private int unflushed;
    private boolean failing;

    /** A writer of {@code file} (opened with {@code opener} when a line comes) holding at most {@code capacity} lines. */
    EventWriter(Path file, QueryLog.EventsOpener opener, int capacity) {
        this.file = file;
        this.opener = opener;
        this.room = new Semaphore(capacity);
        this.thread = new Thread(this::run, "chatda-querylog-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a line for the file; false (and counted) if the queue is full. Never blocks. */
    boolean offer(String line) {
        if (!room.tryAcquire()) {
            dropped.incrementAndGet();
            if (!dropping.getAndSet(true)) {
                LOG.warn(
                        "the query log's writer is behind ({}); events are dropped from the file until it catches up"
                                + " (they stay counted in memory)",
                        file);
            }
            return false;
        }
        if (dropping.get()) {
            dropping.set(false);
        }
        queue.add(new Line(line));
        return true;
    }

    /**
     * Runs {@code work} on the writer thread once the lines offered before are written and the file closed. The
     * future completes when it has run, exceptionally if it failed (logged and counted as a failed write).
     */
    CompletableFuture<Void> submit(FileWork work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the query log is closed"));
            return done;
        }
        queue.add(new Work(work, done));
        return done;
    }

    /** Lines dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Lines, and file work, that could not be written. */
    long failedWrites() {
        return failedWrites.get();
    }

    /**
     * Writes what is queued and ends the thread; past {@code deadline} the thread is interrupted and what is
     * left is not written.
     *
     * @return whether the thread ended within the deadline
     */
    boolean close(Duration deadline) {
        closing = true;
        queue.add(new Stop());
        try {
            thread.join(deadline.toMillis());
            if (thread.isAlive()) {
                LOG.warn("the query log's writer did not finish within {}; interrupting it", deadline);
                thread.interrupt();
                thread.join(deadline.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        try {
            while (true) {
                Command next = queue.take();
                if (next instanceof Stop) {
                    return;
                }
                if (next instanceof Line line) {
                    room.release();
                    append(line.text());
                } else if (next instanceof Work work) {
                    flush();
                    closeFile();
                    runWork(work);
                }
                if (queue.isEmpty()) {
                    flush();
                }
            }
        } catch (InterruptedException e) {
            // close's deadline passed: what is queued stays unwritten (still counted in memory)
        } finally {
            flush();
            closeFile();
        }
    }

    private void append(String text) {
        try {
            if (out == null) {
                out = opener.open(file);
            }
            out.write(text);
            unflushed++;
        } catch (IOException | RuntimeException e) {
            failed(unflushed + 1, e);
        }
    }

    private void flush() {
        if (out == null || unflushed == 0) {
            return;
        }
        try {
            out.flush();
            unflushed = 0;
            failing = false;
        } catch (IOException | RuntimeException e) {
            failed(unflushed, e);
        }
    }

    private void runWork(Work work) {
        try {
            work.work().run();
            work.done().complete(null);
        } catch (IOException | RuntimeException e) {
            failedWrites.incrementAndGet();
            LOG.warn("can't write the query log's files in {}", file.getParent(), e);
            work.done().completeExceptionally(e);
        }
    }

    /** Counts {@code lines} lost, logs the first failure of a run, and drops the file (the next line opens it). */
    private void failed(int lines, Exception e) {
        failedWrites.addAndGet(lines);
        unflushed = 0;
        if (!failing) {
            LOG.warn("can't append to the query log {} (searches are counted in memory only)", file, e);
        }
        failing = true;
        closeFile();
    }

    private void closeFile() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // lines it still held were counted as failed by flush; the writer is dropped either way
        }
        out = null;
    }
}
