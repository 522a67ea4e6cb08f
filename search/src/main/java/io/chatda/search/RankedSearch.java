package io.chatda.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * One user query against a searcher: ranks it ({@link Ranker}, with its per-site limit), tries the
 * did-you-mean correction when the ranking is full, and makes the page's hits with their snippets
 * (docs/ranking.md).
 */
final class RankedSearch {

    /** What a hit shows, without the body and links that make stored documents large. */
    private static final Set<String> HIT_FIELDS = Set.of(Fields.URL, Fields.TITLE, Fields.SITE, Fields.TOPICS);

    private final Ranker ranker;
    private final DidYouMean didYouMean;
    private final Snippets snippets;

    RankedSearch(TextAnalysis analysis) {
        this.ranker = new Ranker(new QueryFactory(analysis));
        this.didYouMean = new DidYouMean(analysis);
        this.snippets = new Snippets(analysis);
    }

    /**
     * The {@code page}-th page of {@code size} results of {@code rawQuery}.
     *
     * @param startNanos when the search started ({@link System#nanoTime}), for the time it took
     * @throws SearchCancelledException if {@code options} cancel it
     */
    SearchResults search(
            IndexSearcher shared, String rawQuery, int page, int size, SearchOptions options, long startNanos)
            throws IOException {
        UserQuery parsed = UserQuery.parse(rawQuery);
        IndexSearcher searcher = options.cancellable() ? Ranker.stoppable(shared, options.cancelled()) : shared;
        Ranker.Ranked ranked = ranker.rank(searcher, parsed, page, size, options);
        Ranker.stopIfCancelled(options);
        String suggestion = "";
        boolean corrected = false;
        if (options.ranking() == SearchOptions.Ranking.FULL && !parsed.isEmpty()) {
            String fixed = didYouMean.suggest(parsed, searcher.getIndexReader());
            if (!fixed.isEmpty()) {
                Ranker.Ranked alternative = ranker.rank(searcher, UserQuery.parse(fixed), page, size, options);
                Ranker.stopIfCancelled(options);
                if (alternative.total() > ranked.total()) {
                    suggestion = fixed;
                    if (ranked.total() == 0) {
                        ranked = alternative;
                        corrected = true;
                    }
                }
            }
        }
        List<SearchHit> hits = toHits(searcher, ranked, options.explain());
        long took = (System.nanoTime() - startNanos) / 1_000;
        return new SearchResults(rawQuery, ranked.total(), page, size, took, hits, suggestion, corrected);
    }

    private List<SearchHit> toHits(IndexSearcher searcher, Ranker.Ranked ranked, boolean explain) throws IOException {
        ScoreDoc[] docs = ranked.page().toArray(new ScoreDoc[0]);
        String[] snippetHtml = snippets.of(searcher, ranked.query(), docs);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i].doc, HIT_FIELDS);
            String explanation =
                    explain ? searcher.explain(ranked.query(), docs[i].doc).toString() : "";
            hits.add(new SearchHit(
                    d.get(Fields.URL),
                    d.get(Fields.TITLE),
                    snippetHtml[i],
                    d.get(Fields.SITE),
                    docs[i].score,
                    List.of(d.getValues(Fields.TOPICS)),
                    explanation));
        }
        return hits;
    }
}
