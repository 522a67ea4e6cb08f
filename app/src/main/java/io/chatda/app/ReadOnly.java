package io.chatda.app;

import io.chatda.search.SearchIndex;

/** Opens a data directory's index for the read-only commands, with a clear message when there is none yet. */
final class ReadOnly {
    private ReadOnly() {}

    static SearchIndex index(DataDirectory data) {
        if (!data.hasIndex()) {
            throw new UsageException(
                    "no index in " + data.root() + " yet: run 'chatda import PATH' or 'chatda demo' first");
        }
        return SearchIndex.openReadOnly(data.index(), data.analysis());
    }
}
