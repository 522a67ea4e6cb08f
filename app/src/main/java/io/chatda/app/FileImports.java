package io.chatda.app;

import io.chatda.crawl.FileImporter;
import io.chatda.crawl.HtmlExtractor;
import io.chatda.crawl.ImportException;
import io.chatda.crawl.PublishedLocation;
import io.chatda.crawl.SourceDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads files and folders into documents for {@link Library#importPaths}: entries refused by the scan (links out
 * of an imported folder, special files) and unreadable files are reported on a log and skipped; with a base URL,
 * each document's URL is where its file is published. Committing what was read is the caller's.
 */
final class FileImports {

    private final FileImporter importer = new FileImporter(new HtmlExtractor());

    /**
     * Hands every document read from {@code paths} to {@code sink}.
     *
     * @param baseUrl where the files are published, or null for their {@code file:} URLs
     * @throws ImportException if a path doesn't exist or isn't a supported file, or {@code baseUrl} is not http(s)
     */
    ImportSummary read(List<Path> paths, String site, String baseUrl, Consumer<SourceDocument> sink, PrintWriter log) {
        List<FileImporter.Scan> scans = paths.stream().map(importer::scan).toList();
        List<PublishedLocation> published = baseUrl == null
                ? null
                : paths.stream().map(p -> PublishedLocation.of(p, baseUrl)).toList();
        int files = 0;
        int documents = 0;
        int skipped = 0;
        int refused = 0;
        for (int i = 0; i < scans.size(); i++) {
            FileImporter.Scan scan = scans.get(i);
            PublishedLocation at = published == null ? null : published.get(i);
            for (String entry : scan.refused()) {
                log.println("refused: " + entry);
                refused++;
            }
            for (Path file : scan.files()) {
                try {
                    List<SourceDocument> docs = importer.read(file, site);
                    if (at != null) {
                        docs = docs.stream()
                                .map(d -> d.withUrl(at.urlOf(file, d.url())))
                                .toList();
                    }
                    docs.forEach(sink);
                    documents += docs.size();
                    files++;
                } catch (ImportException e) {
                    log.println("skipped: " + e.getMessage());
                    skipped++;
                }
            }
        }
        return new ImportSummary(files, documents, skipped, refused);
    }
}
