package io.chatda.app;

import io.chatda.crawl.DocumentSink;
import io.chatda.crawl.SourceDocument;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import java.util.List;

/** Feeds crawled and imported documents into the search index: the bridge between {@code crawl} and {@code search}. */
final class Indexer implements DocumentSink {

    private final SearchIndex index;

    Indexer(SearchIndex index) {
        this.index = index;
    }

    @Override
    public void accept(SourceDocument d) {
        index.upsert(new SearchDocument(d.url(), d.title(), d.headings(), d.body(), d.site(), d.language(), List.of(),
                d.links().stream().map(l -> new SearchDocument.Link(l.url(), l.anchorText())).toList()));
    }

    @Override
    public void delete(String url) {
        index.delete(url);
    }
}
