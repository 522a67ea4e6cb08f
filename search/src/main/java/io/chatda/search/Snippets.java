package io.chatda.search;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippet of each hit: the body passages with the query's terms in {@code <mark>} (content before
 * link lists, see {@link ContentFirstFormatter}), or the start of the body when no passage matches.
 * All document text in a snippet is HTML-escaped.
 */
final class Snippets {

    private static final int LEAD_CHARS = 220;

    private final TextAnalysis analysis;

    Snippets(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The snippet of each of {@code docs}, in their order, for hits of {@code query}. */
    String[] of(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
        String[] snippets = highlight(searcher, query, docs);
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < docs.length; i++) {
            if (snippets[i] == null) {
                snippets[i] =
                        lead(stored.document(docs[i].doc, Set.of(Fields.BODY)).get(Fields.BODY));
            }
        }
        return snippets;
    }

    private String[] highlight(IndexSearcher searcher, Query query, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0) {
            return new String[0];
        }
        ScoreDoc[] byDoc = docs.clone();
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analysis.perField())
                .withFormatter(new ContentFirstFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)))
                .withMaxLength(100_000)
                // marks the query's body terms without building a Weight of the whole query (bridges,
                // all fields): that took half of a search's time
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .build();
        TopDocs pageTop = new TopDocs(new TotalHits(byDoc.length, TotalHits.Relation.EQUAL_TO), byDoc);
        return highlighter.highlight(Fields.BODY, query, pageTop, ContentFirstFormatter.CANDIDATES);
    }

    /** The body's first characters before its link lists. */
    private static String lead(String body) {
        int marker = body.indexOf(SearchDocument.LINK_LISTS);
        body = marker < 0 ? body : body.substring(0, marker);
        String lead = body.length() <= LEAD_CHARS ? body : body.substring(0, LEAD_CHARS) + " …";
        return Html.escape(lead);
    }
}
