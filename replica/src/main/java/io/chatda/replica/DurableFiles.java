package io.chatda.replica;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.lucene.util.IOUtils;

/** Files that survive a crash whole or not at all: written under a temporary name, synced, then renamed. */
final class DurableFiles {

    /**
     * The prefix of files being written. A leading dot is never a snapshot file's name (see
     * {@link SnapshotFile#isValidName}), and a prefix, unlike a suffix, keeps a commit point being copied in from
     * looking like one: Lucene takes every {@code segments_*} file for a commit and parses its generation.
     */
    static final String TEMPORARY = ".replica-tmp.";

    private DurableFiles() {}

    /** The temporary name {@code target} is written under before {@link #moveIntoPlace}. */
    static Path temporary(Path target) {
        return target.resolveSibling(TEMPORARY + target.getFileName());
    }

    /** Renames a written (and synced) temporary file over {@code target} atomically, then syncs the directory. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        IOUtils.fsync(target.toAbsolutePath().getParent(), true);
    }

    /** Replaces {@code target} with {@code bytes}: the old content or the new survives a crash, never half. */
    static void write(Path target, byte[] bytes) throws IOException {
        Path temporary = temporary(target);
        Files.write(temporary, bytes);
        IOUtils.fsync(temporary, false);
        moveIntoPlace(temporary, target);
    }
}
