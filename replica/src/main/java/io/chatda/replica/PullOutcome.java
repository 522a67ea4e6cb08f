package io.chatda.replica;

/**
 * What one pull did.
 *
 * @param status      whether it installed a snapshot, found nothing new, or failed
 * @param generation  the generation installed after it (0: none yet)
 * @param filesCopied files copied from the indexer (the dictionary counts as one)
 * @param bytesCopied bytes of those files
 * @param failure     why it failed; null unless {@code status} is {@link Status#FAILED}
 */
public record PullOutcome(Status status, long generation, int filesCopied, long bytesCopied, PullFailure failure) {

    /** The kinds of outcome. */
    public enum Status {
        /** A newer snapshot is now served. */
        INSTALLED,
        /** The indexer has nothing newer. */
        UP_TO_DATE,
        /** Nothing changed on the replica that it serves; it tries again after a backoff. */
        FAILED
    }
}
