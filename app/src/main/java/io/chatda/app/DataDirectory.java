package io.chatda.app;

import io.chatda.search.TextAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of a chatda data directory ({@code ./chatda-data} by default): one place that knows
 * where the index, the crawl store and the demo corpus live.
 */
public record DataDirectory(Path root) {

    public Path index() {
        return root.resolve("index");
    }

    /** nori user dictionary for product names and new words (optional; see docs/ranking.md). */
    public Path userDictionary() {
        return root.resolve("userdict.txt");
    }

    /** The operator's synonym groups, one comma-separated group per line (read at start, no re-import needed). */
    public Path synonyms() {
        return root.resolve("synonyms.txt");
    }

    /** The text analysis this directory's index is written and searched with: user dictionary and synonyms. */
    public TextAnalysis analysis() {
        return TextAnalysis.of(userDictionary(), synonyms());
    }

    public Path crawlStore() {
        return root.resolve("crawl.db");
    }

    /** The operator's suggestion blocklist: phrases never suggested from the query log (docs/suggest.md). */
    public Path suggestBlocklist() {
        return root.resolve("suggest-blocklist.txt");
    }

    public Path demoCorpus() {
        return root.resolve("demo-corpus");
    }

    /** Creates the directory if needed. */
    public DataDirectory create() {
        try {
            Files.createDirectories(root);
            return this;
        } catch (IOException e) {
            throw new UsageException("can't create data directory " + root + ": " + e.getMessage());
        }
    }

    /** Whether an index has been written here. */
    public boolean hasIndex() {
        return Files.isDirectory(index());
    }
}
