package io.chatda.replica;

/** How a {@link SnapshotFile}'s checksum was taken, and so how a copy is verified. */
public enum ChecksumKind {
    /** Lucene's codec footer: the CRC32 of every byte but the last 8, which hold it (big-endian). */
    LUCENE_FOOTER,
    /** The CRC32 of the whole file, for files without a footer (the suggestion dictionary). */
    CRC32
}
