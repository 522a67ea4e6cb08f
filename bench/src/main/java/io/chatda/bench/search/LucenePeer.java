package io.chatda.bench.search;

import io.chatda.search.SearchDocument;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The peer chatda is measured against: what a developer gets from plain Lucene and nori in ten
 * minutes. One in-memory index of the same documents, {@code title} and {@code body} analysed with
 * {@code new KoreanAnalyzer()} (nori's defaults), BM25 (Lucene's default similarity); a query is every
 * analysed term of the text as a SHOULD clause on {@code title} (boost 2) and on {@code body}, so any
 * word may match.
 */
final class LucenePeer implements Closeable {

    private static final String URL = "url";
    private static final String TITLE = "title";
    private static final String BODY = "body";

    private final Analyzer analyzer = new KoreanAnalyzer();
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /** The ranked URLs of the first page and whether anything matched at all. */
    record Result(List<String> urls, long totalHits) {}

    /** Indexes the documents. */
    LucenePeer(List<SearchDocument> docs) {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (SearchDocument d : docs) {
                Document doc = new Document();
                doc.add(new StoredField(URL, d.url()));
                doc.add(new TextField(TITLE, d.title(), Field.Store.NO));
                doc.add(new TextField(BODY, d.body(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    /** The top {@code k} for a query text. */
    Result search(String text, int k) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms(text)) {
            query.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), 2f), BooleanClause.Occur.SHOULD);
            query.add(new TermQuery(new Term(BODY, term)), BooleanClause.Occur.SHOULD);
        }
        try {
            TopDocs top = searcher.search(query.build(), k);
            List<String> urls = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                urls.add(searcher.storedFields().document(sd.doc).get(URL));
            }
            return new Result(urls, top.totalHits.value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct terms nori makes of the text. */
    private Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
        analyzer.close();
    }
}
