package io.chatda.replica;

/** A pull that failed, and why; caught by the puller, which logs and counts it and tries again later. */
final class PullException extends Exception {
    private static final long serialVersionUID = 1L;

    private final PullFailure failure;

    PullException(PullFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    PullFailure failure() {
        return failure;
    }
}
