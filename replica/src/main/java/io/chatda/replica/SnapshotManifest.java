package io.chatda.replica;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one published snapshot holds: the index commit's files (the commit point {@code segmentsFile} among them)
 * and the suggestion dictionary, each with its length and checksum, under a generation number that grows with
 * every publication, across indexer restarts too. Sent as JSON by {@code GET /replica/manifest}
 * (docs/replication.md).
 *
 * @param generation        the snapshot's number; a later snapshot has a larger one
 * @param indexGeneration   the Lucene commit's generation (the N of {@code segments_N})
 * @param segmentsFile      the commit point, which a replica writes last
 * @param files             every file of the index commit
 * @param dictionary        the suggestion dictionary, named {@link #DICTIONARY}; null when the indexer has none yet
 * @param publishedAtMillis when it was published, in milliseconds since the epoch
 */
public record SnapshotManifest(
        long generation,
        long indexGeneration,
        String segmentsFile,
        List<SnapshotFile> files,
        SnapshotFile dictionary,
        long publishedAtMillis) {

    /** The name of the dictionary in a snapshot; never a Lucene file name. */
    public static final String DICTIONARY = "suggest-dictionary.bin";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SnapshotManifest {
        files = List.copyOf(files);
        Set<String> names = new HashSet<>();
        for (SnapshotFile f : files) {
            if (!names.add(f.name()) || f.name().equals(DICTIONARY)) {
                throw new IllegalArgumentException("file listed twice in a manifest: " + f.name());
            }
        }
        if (!names.contains(Objects.requireNonNull(segmentsFile, "segmentsFile"))
                || !segmentsFile.startsWith("segments")) {
            throw new IllegalArgumentException("the commit point " + segmentsFile + " is not among the files");
        }
        if (dictionary != null && !dictionary.name().equals(DICTIONARY)) {
            throw new IllegalArgumentException("the dictionary must be named " + DICTIONARY);
        }
    }

    /** The file of this snapshot called {@code name}: an index file or the dictionary. */
    public Optional<SnapshotFile> file(String name) {
        if (dictionary != null && dictionary.name().equals(name)) {
            return Optional.of(dictionary);
        }
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The manifest as UTF-8 JSON. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a manifest can always be written as JSON", e);
        }
    }

    /**
     * Reads a manifest written by {@link #toJson()}.
     *
     * @throws IOException if it isn't one (bad JSON, a missing field, a file name that is a path, ...)
     */
    public static SnapshotManifest parse(byte[] json) throws IOException {
        SnapshotManifest manifest = JSON.readValue(json, SnapshotManifest.class);
        if (manifest == null) {
            throw new IOException("not a snapshot manifest");
        }
        return manifest;
    }
}
