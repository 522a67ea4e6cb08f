package io.chatda.replica;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexCommit;

/**
 * The snapshots a publisher holds, newest last, and which of them {@link Retention} lets go. Not thread-safe: the
 * publisher guards it.
 */
final class HeldGenerations {

    /** A published dictionary: the version of the data directory's file it was linked from, its entry, its copy. */
    record Dictionary(Object version, SnapshotFile entry, Path copy) {}

    /** One held snapshot: its manifest, the commit held for it, its dictionary (or null), and who reads it. */
    static final class Held {
        final SnapshotManifest manifest;
        final IndexCommit commit;
        final Dictionary dictionary;
        Instant supersededAt;
        int readers;

        Held(SnapshotManifest manifest, IndexCommit commit, Dictionary dictionary) {
            this.manifest = manifest;
            this.commit = commit;
            this.dictionary = dictionary;
        }
    }

    private final Retention retention;
    private final TreeMap<Long, Held> held = new TreeMap<>();

    HeldGenerations(Retention retention) {
        this.retention = retention;
    }

    /** Holds a newly published snapshot; the current one is superseded {@code now}. */
    void add(Held snapshot, Instant now) {
        Held previous = current();
        if (previous != null) {
            previous.supersededAt = now;
        }
        held.put(snapshot.manifest.generation(), snapshot);
    }

    /** The newest snapshot, or null before the first. */
    Held current() {
        Map.Entry<Long, Held> last = held.lastEntry();
        return last == null ? null : last.getValue();
    }

    /** The snapshot of {@code generation} if still held, else null. */
    Held get(long generation) {
        return held.get(generation);
    }

    int size() {
        return held.size();
    }

    /** Whether a held snapshot still sends {@code copy} as its dictionary. */
    boolean usesDictionary(Path copy) {
        return held.values().stream()
                .anyMatch(h -> h.dictionary != null && h.dictionary.copy().equals(copy));
    }

    /** Stops holding, and returns, the superseded snapshots that retention no longer keeps and nobody reads. */
    List<Held> retire(Instant now) {
        List<Held> retired = new ArrayList<>();
        int superseded = 0;
        Iterator<Held> newestFirst = held.descendingMap().values().iterator();
        while (newestFirst.hasNext()) {
            Held h = newestFirst.next();
            if (h.supersededAt == null) {
                continue;
            }
            boolean kept = superseded++ < retention.keepPrevious()
                    || h.supersededAt.plus(retention.grace()).isAfter(now)
                    || h.readers > 0;
            if (!kept) {
                newestFirst.remove();
                retired.add(h);
            }
        }
        return retired;
    }
}
