package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthorityQueryTest {

    private static final AuthorityBoost BOOST = new AuthorityBoost(0.3);
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "kappa", "omega"};
    private static ByteBuffersDirectory dir;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws Exception {
        dir = new ByteBuffersDirectory();
        Random random = new Random(3);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < 20_000; i++) {
                StringBuilder body = new StringBuilder();
                int n = 1 + random.nextInt(30);
                for (int k = 0; k < n; k++) {
                    body.append(WORDS[(int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * 2)])
                            .append(' ');
                }
                Document d = new Document();
                d.add(new TextField("body", body.toString(), Field.Store.NO));
                d.add(new NumericDocValuesField(Fields.AUTHORITY, AuthorityBoost.encode(random.nextDouble() * 20)));
                w.addDocument(d);
            }
            w.forceMerge(1);
        }
        reader = DirectoryReader.open(dir);
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
        dir.close();
    }

    @Test
    void ranksExactlyLikeTheProductOfTextScoreAndFactor() throws Exception {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (Query text : texts()) {
            TopDocs expected = searcher.search(FunctionScoreQuery.boostByValue(text, BOOST), 20);
            TopDocs actual = searcher.search(new AuthorityQuery(text, BOOST), 20);
            assertThat(actual.scoreDocs).hasSameSizeAs(expected.scoreDocs);
            for (int i = 0; i < expected.scoreDocs.length; i++) {
                assertThat(actual.scoreDocs[i].doc).as(text + " rank " + i).isEqualTo(expected.scoreDocs[i].doc);
                assertThat(actual.scoreDocs[i].score).isEqualTo(expected.scoreDocs[i].score);
            }
        }
    }

    @Test
    void skipsDocumentsThatCannotReachTheTopUnlikeFunctionScoreQuery() throws Exception {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (Query text : texts()) {
            TopDocs pruned =
                    searcher.search(new AuthorityQuery(text, BOOST), new TopScoreDocCollectorManager(10, null, 10));
            TopDocs full = searcher.search(
                    FunctionScoreQuery.boostByValue(text, BOOST), new TopScoreDocCollectorManager(10, null, 10));
            assertThat(full.totalHits.value).isEqualTo(searcher.count(text));
            assertThat(pruned.totalHits.relation).isEqualTo(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
            assertThat(pruned.totalHits.value).as(text.toString()).isLessThan(full.totalHits.value);
        }
    }

    @Test
    void explainsTheFactor() throws Exception {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query q = new AuthorityQuery(new TermQuery(new Term("body", "omega")), BOOST);
        TopDocs top = searcher.search(q, 1);
        var explanation = searcher.explain(q, top.scoreDocs[0].doc);
        assertThat(explanation.getValue().floatValue()).isEqualTo(top.scoreDocs[0].score);
        assertThat(explanation.toString()).contains("authority factor");
    }

    private static Query[] texts() {
        Query kappaOmega = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "kappa")), Occur.SHOULD)
                .add(new TermQuery(new Term("body", "omega")), Occur.SHOULD)
                .build();
        Query alphaAndKappa = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "alpha")), Occur.MUST)
                .add(kappaOmega, Occur.MUST)
                .build();
        return new Query[] {new TermQuery(new Term("body", "delta")), kappaOmega, alphaAndKappa};
    }
}
