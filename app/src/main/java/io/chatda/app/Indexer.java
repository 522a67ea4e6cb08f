package io.chatda.app;

import io.chatda.crawl.CheckpointingSink;
import io.chatda.crawl.SourceDocument;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import java.util.List;

/**
 * Feeds crawled and imported documents into the search index: the bridge between {@code crawl} and {@code search}.
 * Each checkpoint commits the index with its metadata kept; nothing else (the CLI crawl needs no dictionary
 * rebuild per checkpoint, see {@link Library#crawlSink()} for the server's).
 */
final class Indexer implements CheckpointingSink {

    private final SearchIndex index;

    Indexer(SearchIndex index) {
        this.index = index;
    }

    @Override
    public void accept(SourceDocument d) {
        index.upsert(new SearchDocument(
                d.url(),
                d.title(),
                d.headings(),
                d.body(),
                d.site(),
                d.language(),
                List.of(),
                d.links().stream()
                        .map(l -> new SearchDocument.Link(l.url(), l.anchorText()))
                        .toList(),
                d.html()));
    }

    @Override
    public void delete(String url) {
        index.delete(url);
    }

    @Override
    public void commit() {
        index.commit(index.commitData());
    }
}
