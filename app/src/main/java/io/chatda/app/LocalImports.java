package io.chatda.app;

import io.chatda.crawl.ImportException;
import io.chatda.server.PathImports;
import io.chatda.server.core.BadRequestException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The admin API's file imports, run by the library like {@code chatda import}; one at a time. */
final class LocalImports implements PathImports {

    private final Library library;

    LocalImports(Library library) {
        this.library = library;
    }

    @Override
    public synchronized Imported importPaths(List<String> paths, String site) {
        try {
            ImportSummary s = library.importPaths(
                    paths.stream().map(Path::of).toList(), site, Map.of(), new PrintWriter(new StringWriter()));
            return new Imported(s.files(), s.documents(), s.skipped(), s.refused());
        } catch (ImportException | java.nio.file.InvalidPathException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
