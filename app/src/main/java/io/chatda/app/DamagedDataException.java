package io.chatda.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Stored data that can't be used as it is, reported instead of silently replaced (the CLI: one line, exit 1).
 */
final class DamagedDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DamagedDataException(String message) {
        super(message);
    }

    /**
     * Throws if {@code indexDir} holds index files but no {@code segments_N} commit point: opening it for writing
     * would start an empty index and delete the old files, which a backup or Lucene's CheckIndex might still save.
     */
    static void requireIndexCommit(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            return;
        }
        boolean commit = false;
        boolean files = false;
        try (Stream<Path> list = Files.list(indexDir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                commit |= name.startsWith("segments_");
                files |= !name.equals("write.lock") && !name.startsWith("segments_") && !name.startsWith("pending_");
            }
        } catch (IOException e) {
            throw new DamagedDataException("can't read the index folder " + indexDir + ": " + e.getMessage());
        }
        if (files && !commit) {
            throw new DamagedDataException("the index in " + indexDir + " has segment files but no segments_N commit "
                    + "point: it is damaged; restore it from a backup, or move it away to start a new index");
        }
    }
}
