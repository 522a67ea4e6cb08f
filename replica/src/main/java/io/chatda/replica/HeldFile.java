package io.chatda.replica;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file of a held snapshot, opened for sending: its snapshot stays held (its files on disk) until this is closed.
 * Close it when the answer is sent or abandoned; closing twice is harmless.
 */
public final class HeldFile implements AutoCloseable {

    private final Path path;
    private final SnapshotFile entry;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    HeldFile(Path path, SnapshotFile entry, Runnable release) {
        this.path = path;
        this.entry = entry;
        this.release = release;
    }

    /** Where the file is on disk. */
    public Path path() {
        return path;
    }

    /** The file as its manifest lists it (length, checksum). */
    public SnapshotFile entry() {
        return entry;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
