package io.chatda.bench.search;

import io.chatda.crawl.FileImporter;
import io.chatda.crawl.HtmlExtractor;
import io.chatda.crawl.ImportException;
import io.chatda.crawl.SourceDocument;
import io.chatda.search.SearchDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real pages for the search benchmarks: local folders read through chatda's own importer and extractor. */
final class Corpus {

    private Corpus() {}

    /** Reads every page under {@code site=folder} arguments; the site name becomes the documents' site. */
    static List<SearchDocument> read(List<String> siteFolders) {
        List<SearchDocument> docs = new ArrayList<>();
        for (String arg : siteFolders) {
            readFolder(arg, false).forEach(p -> docs.add(p.doc()));
        }
        return docs;
    }

    /**
     * Reads the pages of the known-item evaluation under {@code corpus=folder} arguments, titles
     * cleaned ({@link Titles#clean}). Files under a folder whose name starts with {@code _} are left
     * out: they are Sphinx's build by-products (python3.11-doc's {@code _sources/*.rst.txt} copies of
     * every page, {@code _static}), not pages a reader is sent to.
     */
    static List<Page> readPages(List<String> corpusFolders) {
        List<Page> raw = new ArrayList<>();
        for (String arg : corpusFolders) {
            raw.addAll(readFolder(arg, true));
        }
        Map<String, String> suffixes =
                Titles.commonSuffixes(raw.stream().map(Page::doc).toList());
        return raw.stream()
                .map(p ->
                        new Page(p.corpus(), p.key(), Titles.clean(p.doc().title(), suffixes.get(p.corpus())), p.doc()))
                .toList();
    }

    private static List<Page> readFolder(String arg, boolean skipUnderscored) {
        FileImporter importer = new FileImporter(new HtmlExtractor());
        int eq = arg.indexOf('=');
        String site = arg.substring(0, eq);
        Path root = Path.of(arg.substring(eq + 1)).toAbsolutePath().normalize();
        String prefix = root.toUri().toString();
        List<Page> pages = new ArrayList<>();
        for (Path file : importer.files(root)) {
            if (skipUnderscored
                    && underscored(root.relativize(file.toAbsolutePath().normalize()))) {
                continue;
            }
            try {
                for (SourceDocument d : importer.read(file, site)) {
                    String key = d.url().startsWith(prefix) ? d.url().substring(prefix.length()) : d.url();
                    pages.add(new Page(site, key, d.title(), toSearch(d)));
                }
            } catch (ImportException e) {
                System.err.println("skipped: " + e.getMessage());
            }
        }
        return pages;
    }

    private static boolean underscored(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** The same conversion as the app's Indexer (crawl and search don't know each other). */
    static SearchDocument toSearch(SourceDocument d) {
        return new SearchDocument(
                d.url(),
                d.title(),
                d.headings(),
                d.body(),
                d.site(),
                d.language(),
                List.of(),
                d.links().stream()
                        .map(l -> new SearchDocument.Link(l.url(), l.anchorText()))
                        .toList());
    }
}
