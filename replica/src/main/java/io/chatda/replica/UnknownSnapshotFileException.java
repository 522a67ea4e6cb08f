package io.chatda.replica;

/** No such file in that snapshot generation, or no such generation yet (HTTP 404). */
public final class UnknownSnapshotFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownSnapshotFileException(String message) {
        super(message);
    }
}
