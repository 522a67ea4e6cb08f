package io.chatda.replica;

import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies one snapshot into a replica's directories, only the files it lacks, each verified and renamed into place,
 * the commit point last (docs/replication.md). Until that last rename the replica's commit is the old one; a failure
 * anywhere before leaves only complete, verified files that no commit uses yet, which the next attempt reuses.
 */
final class SnapshotCopier {

    /**
     * What a copy brought: counts, and the new dictionary (loaded, with the temporary file it was copied to, or null
     * when the replica's own file was it) when it changed.
     */
    record Copied(int files, long bytes, CompletionIndex dictionary, Path dictionaryDownload) {}

    private final IndexerClient indexer;
    private final LocalReplica local;

    SnapshotCopier(IndexerClient indexer, LocalReplica local) {
        this.indexer = indexer;
        this.local = local;
    }

    /**
     * Copies what {@code manifest} has that the replica lacks, loads its dictionary unless it is
     * {@code installedDictionary}, and writes the commit point last.
     */
    Copied copy(SnapshotManifest manifest, SnapshotFile installedDictionary)
            throws PullException, InterruptedException {
        int files = 0;
        long bytes = 0;
        Path dictionaryDownload = null;
        try {
            for (SnapshotFile file : manifest.files()) {
                if (!file.name().equals(manifest.segmentsFile()) && !local.has(file)) {
                    bytes += fetch(manifest.generation(), file, local.indexFile(file.name()));
                    files++;
                }
            }
            SnapshotFile dictionary = manifest.dictionary();
            CompletionIndex loaded = null;
            if (dictionary != null && !dictionary.sameAs(installedDictionary)) {
                Path source = local.dictionaryFile();
                if (!local.hasDictionary(dictionary)) {
                    dictionaryDownload = DurableFiles.temporary(source);
                    bytes += indexer.download(manifest.generation(), dictionary, dictionaryDownload);
                    files++;
                    source = dictionaryDownload;
                }
                loaded = load(source);
            }
            local.syncIndexDirectory();
            SnapshotFile commitPoint = manifest.file(manifest.segmentsFile()).orElseThrow();
            if (!local.has(commitPoint)) {
                local.removeNewerCommitPoints(manifest.indexGeneration());
                bytes += fetch(manifest.generation(), commitPoint, local.indexFile(commitPoint.name()));
                files++;
            }
            return new Copied(files, bytes, loaded, dictionaryDownload);
        } catch (IOException e) {
            deleteQuietly(dictionaryDownload);
            throw new PullException(PullFailure.LOCAL_IO, "can't copy snapshot " + manifest.generation() + ": " + e, e);
        } catch (PullException | InterruptedException | RuntimeException e) {
            deleteQuietly(dictionaryDownload);
            throw e;
        }
    }

    /** Downloads {@code file} under a temporary name, then renames it into place; returns the bytes copied. */
    private long fetch(long generation, SnapshotFile file, Path target)
            throws PullException, InterruptedException, IOException {
        Path temporary = DurableFiles.temporary(target);
        try {
            long bytes = indexer.download(generation, file, temporary);
            DurableFiles.moveIntoPlace(temporary, target);
            return bytes;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static CompletionIndex load(Path dictionary) throws PullException {
        try {
            return DictionarySnapshot.load(dictionary).index();
        } catch (IOException | RuntimeException e) {
            throw new PullException(PullFailure.INSTALL, "the snapshot's dictionary can't be loaded: " + e, e);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is removed when the puller next starts
        }
    }
}
