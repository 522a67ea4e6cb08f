package io.chatda.server;

import java.util.List;

/**
 * Imports of files on the server's own machine, through {@code POST /api/admin/import} (how {@code chatda cluster
 * import} adds documents through a local cluster's indexer). Off unless the app supplies it; may block.
 */
public interface PathImports {

    /** What an import did. */
    record Imported(int files, int documents, int skipped, int refused) {}

    /**
     * Imports the files and folders at {@code paths} under {@code site}, commits and rebuilds suggestions.
     *
     * @throws io.chatda.server.core.BadRequestException for a path that doesn't exist or isn't supported
     */
    Imported importPaths(List<String> paths, String site);
}
