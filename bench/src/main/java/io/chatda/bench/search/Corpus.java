package io.chatda.bench.search;

import io.chatda.crawl.FileImporter;
import io.chatda.crawl.HtmlExtractor;
import io.chatda.crawl.ImportException;
import io.chatda.crawl.SourceDocument;
import io.chatda.search.SearchDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real pages for the search benchmarks: local HTML folders read through chatda's own importer and extractor. */
final class Corpus {

    private Corpus() {
    }

    /** Reads every page under {@code site=folder} arguments; the site name becomes the documents' site. */
    static List<SearchDocument> read(List<String> siteFolders) {
        FileImporter importer = new FileImporter(new HtmlExtractor());
        List<SearchDocument> docs = new ArrayList<>();
        for (String arg : siteFolders) {
            int eq = arg.indexOf('=');
            String site = arg.substring(0, eq);
            for (Path file : importer.files(Path.of(arg.substring(eq + 1)))) {
                try {
                    importer.read(file, site).forEach(d -> docs.add(toSearch(d)));
                } catch (ImportException e) {
                    System.err.println("skipped: " + e.getMessage());
                }
            }
        }
        return docs;
    }

    /** The same conversion as the app's Indexer (crawl and search don't know each other). */
    static SearchDocument toSearch(SourceDocument d) {
        return new SearchDocument(d.url(), d.title(), d.headings(), d.body(), d.site(), d.language(), List.of(),
                d.links().stream().map(l -> new SearchDocument.Link(l.url(), l.anchorText())).toList());
    }
}
