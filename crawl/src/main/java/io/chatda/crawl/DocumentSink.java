package io.chatda.crawl;

/**
 * Where crawled and imported documents go: the app wires it to the search index.
 * Implementations must be safe to call from several crawler threads.
 */
public interface DocumentSink {

    /** Adds the document, replacing any earlier version with the same URL. */
    void accept(SourceDocument document);

    /** Removes the document with this URL (gone from the site or the folder). */
    void delete(String url);
}
