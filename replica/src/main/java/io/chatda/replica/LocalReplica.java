package io.chatda.replica;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's own copies: the index directory it serves from and its dictionary file. Knows which snapshot files it
 * already holds, and removes what a newer commit no longer needs. Only index files (Lucene's names) and this
 * package's temporary files are ever deleted, so a wrong path can't cost anything else.
 */
final class LocalReplica {

    private static final Logger log = LoggerFactory.getLogger(LocalReplica.class);

    private final Path indexDir;
    private final Path dictionaryFile;

    LocalReplica(Path indexDir, Path dictionaryFile) throws IOException {
        this.indexDir = indexDir;
        this.dictionaryFile = dictionaryFile;
        Files.createDirectories(indexDir);
        Files.createDirectories(dictionaryFile.toAbsolutePath().getParent());
        removeTemporaries(indexDir);
        removeTemporaries(dictionaryFile.toAbsolutePath().getParent());
    }

    /** Where an index file of this replica is. */
    Path indexFile(String name) {
        return indexDir.resolve(name);
    }

    Path dictionaryFile() {
        return dictionaryFile;
    }

    /** Whether the index directory holds {@code file} already. */
    boolean has(SnapshotFile file) throws IOException {
        return Checksums.matches(indexFile(file.name()), file);
    }

    /** Whether the dictionary file is {@code dictionary} already. */
    boolean hasDictionary(SnapshotFile dictionary) throws IOException {
        return Checksums.matches(dictionaryFile, dictionary);
    }

    void syncIndexDirectory() throws IOException {
        IOUtils.fsync(indexDir, true);
    }

    /**
     * Deletes commit points newer than {@code generation}: left by an index the indexer has since re-created, they
     * would shadow the commit being installed (Lucene opens the newest).
     */
    void removeNewerCommitPoints(long generation) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(indexDir, IndexFileNames.SEGMENTS + "_*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (generationOf(name) > generation) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Deletes the index files not in {@code keep} (the installed commit's); a file that can't be deleted now (still
     * open elsewhere) is logged and tried again after the next install.
     *
     * @return the number deleted
     */
    int removeUnreferenced(Collection<String> keep) throws IOException {
        Set<String> kept = Set.copyOf(keep);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(indexDir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!kept.contains(name) && isIndexFile(name)) {
                    try {
                        Files.delete(file);
                        removed++;
                    } catch (IOException e) {
                        log.warn(
                                "can't delete {}, which the installed commit no longer uses; trying after the next install",
                                file,
                                e);
                    }
                }
            }
        }
        return removed;
    }

    private static long generationOf(String segmentsFile) {
        try {
            return SegmentInfos.generationFromSegmentsFileName(segmentsFile);
        } catch (NumberFormatException e) {
            return -1; // not a commit point
        }
    }

    private static boolean isIndexFile(String name) {
        return name.startsWith(IndexFileNames.SEGMENTS)
                || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
    }

    private static void removeTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, DurableFiles.TEMPORARY + "*")) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
    }
}
