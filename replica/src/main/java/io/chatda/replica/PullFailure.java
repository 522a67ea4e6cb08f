package io.chatda.replica;

import java.util.Locale;

/** Why a pull failed; each is counted in {@code /metrics} under its {@link #tag()}. */
public enum PullFailure {
    /** The indexer couldn't be reached, or the connection broke. */
    UNREACHABLE,
    /** The indexer refused the token (401 or 403). */
    REFUSED,
    /** The generation being copied is no longer held by the indexer (410); the next poll gets the new one. */
    GONE,
    /** The indexer answered something other than the protocol says (a bad manifest, an unexpected status). */
    BAD_ANSWER,
    /** A copied file's length or checksum differs from the manifest's. */
    CHECKSUM_MISMATCH,
    /** The replica's own disk failed (full, unwritable). */
    LOCAL_IO,
    /** The copied snapshot couldn't be opened: the index reopen or the dictionary load failed. */
    INSTALL;

    /** The metrics tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
