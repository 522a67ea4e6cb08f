package io.chatda.replica;

/** The snapshot generation asked for is no longer held by the publisher: its files may be deleted (HTTP 410). */
public final class SnapshotGoneException extends Exception {
    private static final long serialVersionUID = 1L;

    public SnapshotGoneException(long generation) {
        super("snapshot generation " + generation + " is no longer held; fetch the manifest again");
    }
}
