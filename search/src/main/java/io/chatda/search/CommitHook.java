package io.chatda.search;

import org.apache.lucene.index.IndexDeletionPolicy;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;

/**
 * What a writable {@link SearchIndex} lets replication do with its commits: choose which commits the writer keeps
 * (a publisher holds the ones replicas may still be copying) and hear of each commit as it is made
 * (docs/replication.md).
 */
public interface CommitHook {

    /** No replication: the writer keeps only the last commit, and nobody is told. */
    CommitHook NONE = new CommitHook() {
        @Override
        public IndexDeletionPolicy deletionPolicy() {
            return new KeepOnlyLastCommitDeletionPolicy();
        }

        @Override
        public void committed() {}
    };

    /** The deletion policy of the index's writer; asked once, when the index is opened. */
    IndexDeletionPolicy deletionPolicy();

    /**
     * Called on the committing thread after each commit, once searches see it, while the index takes no other
     * writes. Must not throw: a failure here is the hook's to log and count.
     */
    void committed();
}
