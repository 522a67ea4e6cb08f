package io.chatda.replica;

import io.chatda.suggest.CompletionIndex;

/**
 * Where a {@link SnapshotPuller} installs what it copied: the replica's searchers and its dictionary. Called on the
 * puller's thread, one call at a time, in this order for each snapshot.
 */
public interface SnapshotInstaller {

    /**
     * The index directory now holds the snapshot's commit: make searches use it (open the index on the first call,
     * then {@code SearchIndex.refresh()}). Files the new commit doesn't use are deleted after this returns.
     *
     * @throws Exception if the commit can't be opened; the puller counts it and tries again later
     */
    void reopenIndex() throws Exception;

    /** Serve {@code dictionary} from now on; called after {@link #reopenIndex()} when the dictionary changed. */
    void swapDictionary(CompletionIndex dictionary);
}
