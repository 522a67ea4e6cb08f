package io.chatda.replica;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a snapshot, as the manifest lists it: its name (a plain file name, never a path), length and
 * checksum. Index files are immutable once committed, so a file with the same name, length and checksum is the
 * same file: a replica that has it needn't copy it again.
 */
public record SnapshotFile(String name, long length, long checksum, ChecksumKind kind) {

    /** Letters, digits, '_', '-' and '.', not starting with '.': what Lucene names files, and nothing that climbs. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}");

    public SnapshotFile {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a snapshot file name: " + name);
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative length of " + name);
        }
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether {@code name} may name a snapshot file (a bare file name; no separators, no {@code ..}). */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether {@code other} is this file: same name, length and checksum. */
    public boolean sameAs(SnapshotFile other) {
        return other != null
                && name.equals(other.name)
                && length == other.length
                && checksum == other.checksum
                && kind == other.kind;
    }
}
