package io.chatda.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

/**
 * Ranks a parsed query over a searcher: the strict query first, the relaxed one after it when few
 * pages have the required words, at the most detail Lucene's clause limit allows, then the page of
 * results with at most {@value #PER_SITE} of one site (docs/ranking.md). Stateless apart from the
 * query factory; thread-safe.
 */
final class Ranker {

    static final int PER_SITE = 2;
    private static final int MAX_CANDIDATES = 2_000;
    /** Fewer strict matches than this and the pages matching fewer of the words follow them. */
    private static final int RELAX_BELOW = 10;

    private final QueryFactory queries;

    Ranker(QueryFactory queries) {
        this.queries = queries;
    }

    record Ranked(Query query, long total, List<ScoreDoc> page) {}

    /**
     * A searcher of its own over the shared one's reader, whose collection loops stop once
     * {@code cancelled} answers true: Lucene's {@link IndexSearcher#setTimeout} asks before each window
     * of documents a leaf scores, and no further leaf is started. The timeout state is per searcher,
     * hence the copy.
     */
    static IndexSearcher stoppable(IndexSearcher shared, BooleanSupplier cancelled) {
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader()) {
            @Override
            protected void searchLeaf(LeafReaderContext leaf, Weight weight, Collector collector) throws IOException {
                if (cancelled.getAsBoolean()) {
                    throw new SearchCancelledException();
                }
                super.searchLeaf(leaf, weight, collector);
            }
        };
        searcher.setSimilarity(shared.getSimilarity());
        searcher.setQueryCache(shared.getQueryCache());
        searcher.setQueryCachingPolicy(shared.getQueryCachingPolicy());
        searcher.setTimeout(cancelled::getAsBoolean);
        return searcher;
    }

    /** Collection cut short by the timeout returns partial hits; the flag stays raised, so they are never used. */
    static void stopIfCancelled(SearchOptions options) {
        if (options.cancelled().getAsBoolean()) {
            throw new SearchCancelledException();
        }
    }

    Ranked rank(IndexSearcher searcher, UserQuery parsed, int page, int size, SearchOptions options)
            throws IOException {
        int wanted = page * size;
        if (options.ranking() == SearchOptions.Ranking.BODY_BM25) {
            Query query = queries.baseline(parsed);
            TopDocs top = searcher.search(query, wanted);
            int from = Math.min((page - 1) * size, top.scoreDocs.length);
            return new Ranked(query, top.totalHits.value, List.of(top.scoreDocs).subList(from, top.scoreDocs.length));
        }
        boolean crowd = parsed.site().isEmpty();
        int candidates = crowd ? Math.min(Math.max(3 * wanted, wanted + 20), MAX_CANDIDATES) : wanted;
        Matched matched = match(searcher, parsed, QueryFactory.Matching.STRICT, candidates);
        if (matched.top.totalHits.value < RELAX_BELOW && parsed.groups().size() > 1) {
            // too few pages have (nearly) all the words: the rest follow, ranked by the words they have
            Matched relaxed = match(searcher, parsed, QueryFactory.Matching.RELAXED, candidates);
            matched = new Matched(relaxed.query, strictFirst(matched.top, relaxed.top, candidates));
        }
        Query query = matched.query;
        TopDocs top = matched.top;
        List<ScoreDoc> pageDocs;
        if (crowd) {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            pageDocs = SiteCrowding.page(top.scoreDocs, doc -> siteOf(leaves, doc), page, size, PER_SITE);
        } else {
            int from = Math.min((page - 1) * size, top.scoreDocs.length);
            pageDocs = List.of(top.scoreDocs).subList(from, Math.min(from + size, top.scoreDocs.length));
        }
        return new Ranked(query, top.totalHits.value, pageDocs);
    }

    private record Matched(Query query, TopDocs top) {}

    /**
     * The top documents of the full query at the most detail Lucene's clause limit allows: a query
     * of many long words gives up its bridges, then its secondary fields, rather than fail.
     */
    private Matched match(IndexSearcher searcher, UserQuery parsed, QueryFactory.Matching matching, int candidates)
            throws IOException {
        IndexSearcher.TooManyClauses last = null;
        for (QueryFactory.Detail detail : QueryFactory.Detail.values()) {
            try {
                Query query = queries.full(parsed, matching, detail, searcher.getIndexReader());
                return new Matched(query, searcher.search(query, candidates));
            } catch (IndexSearcher.TooManyClauses e) {
                last = e;
            }
        }
        throw new SearchIndexException("query too complex even without bridges: " + last.getMessage(), last);
    }

    /** The strict matches in their order, then the relaxed ones that are not among them. */
    private static TopDocs strictFirst(TopDocs strict, TopDocs relaxed, int limit) {
        Set<Integer> seen = new HashSet<>();
        List<ScoreDoc> merged = new ArrayList<>();
        float offset = relaxed.scoreDocs.length == 0 ? 0 : relaxed.scoreDocs[0].score;
        for (ScoreDoc d : strict.scoreDocs) {
            seen.add(d.doc);
            // strict matches rank above every relaxed one; the offset keeps scores ordered for the crowding step
            merged.add(new ScoreDoc(d.doc, d.score + offset));
        }
        for (ScoreDoc d : relaxed.scoreDocs) {
            if (merged.size() >= limit) {
                break;
            }
            if (seen.add(d.doc)) {
                merged.add(d);
            }
        }
        return new TopDocs(relaxed.totalHits, merged.toArray(new ScoreDoc[0]));
    }

    private static String siteOf(List<LeafReaderContext> leaves, int doc) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        try {
            SortedDocValues sites = DocValues.getSorted(leaf.reader(), Fields.SITE);
            return sites.advanceExact(doc - leaf.docBase)
                    ? sites.lookupOrd(sites.ordValue()).utf8ToString()
                    : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
