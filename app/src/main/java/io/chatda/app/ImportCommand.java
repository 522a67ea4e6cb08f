package io.chatda.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chatda import PATH…}: index Markdown, HTML and text files and folders. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Index Markdown, HTML and plain-text files and folders. A Markdown file with several "
                + "'#' sections becomes one document per section.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to import")
    List<Path> paths;

    @Option(
            names = "--site",
            paramLabel = "NAME",
            defaultValue = "local",
            description = "collection name, for site: filters (default: ${DEFAULT-VALUE})")
    String site;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "where the files are published: a file's result links to URL plus its path under the "
                    + "imported folder (a single file: to URL itself) instead of its local file")
    String baseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Library library = Library.openForUpdate(data.directory(), data.queryPolicy())) {
            ImportSummary s = library.importPaths(
                    paths, site, baseUrl, Map.of(), spec.commandLine().getErr());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "imported %d files: %d documents indexed, %d skipped%s; index holds %d%n",
                            s.files(),
                            s.documents(),
                            s.skipped(),
                            s.refused() == 0
                                    ? ""
                                    : ", " + s.refused() + " refused (links out of the folder, special files)",
                            library.index().size());
            return s.skipped() == 0 ? 0 : 1;
        }
    }
}
