package io.chatda.suggest;

import java.io.IOException;

/**
 * A file is not a usable dictionary snapshot: truncated, damaged (checksum mismatch), not a snapshot
 * at all, or written in another format or by another version of the engine. The caller rebuilds.
 */
public final class SnapshotFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
