package io.chatda.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene index of a data directory: adds, replaces and deletes documents, commits with
 * metadata, and answers user queries with ranked, highlighted results. Readers refresh after each
 * commit, so changes become searchable without a restart. Thread-safe.
 */
public final class SearchIndex implements Closeable {

    private static final float TITLE_BOOST = 3f;
    private static final float HEADINGS_BOOST = 1.5f;
    private static final int SNIPPET_CHARS = 220;
    private static final FieldType BODY_TYPE = bodyType();

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryBuilder queryBuilder;

    private SearchIndex(Directory directory, boolean writable) throws IOException {
        this.directory = directory;
        this.analyzer = Analyzers.text();
        if (writable) {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(writer, null);
        } else {
            this.writer = null;
            this.searchers = new SearcherManager(directory, null);
        }
        this.queryBuilder = new QueryBuilder(analyzer);
    }

    /** Opens the index in {@code dir} for reading and writing, creating it if absent. One writer per index. */
    public static SearchIndex open(Path dir) {
        try {
            return new SearchIndex(FSDirectory.open(dir), true);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new SearchIndexException("the index at " + dir + " is in use by another chatda process", e);
        } catch (IOException e) {
            throw new SearchIndexException("can't open index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing index for searching only, e.g. from the CLI while a server writes to it.
     *
     * @throws SearchIndexException if there is no index in {@code dir}
     */
    public static SearchIndex openReadOnly(Path dir) {
        try {
            Directory directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new SearchIndexException("no index at " + dir, null);
            }
            return new SearchIndex(directory, false);
        } catch (IOException e) {
            throw new SearchIndexException("can't open index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Adds the document or replaces the one with the same URL; visible after {@link #commit}. */
    public void upsert(SearchDocument doc) {
        Document d = new Document();
        d.add(new StringField(Fields.URL, doc.url(), Field.Store.YES));
        d.add(new TextField(Fields.TITLE, doc.title(), Field.Store.YES));
        for (String heading : doc.headings()) {
            d.add(new TextField(Fields.HEADINGS, heading, Field.Store.YES));
        }
        d.add(new Field(Fields.BODY, doc.body(), BODY_TYPE));
        d.add(new StringField(Fields.SITE, doc.site(), Field.Store.YES));
        d.add(new StringField(Fields.LANGUAGE, doc.language(), Field.Store.YES));
        write(() -> writer.updateDocument(new Term(Fields.URL, doc.url()), d));
    }

    /** Removes the document with this URL, if any; visible after {@link #commit}. */
    public void delete(String url) {
        write(() -> writer.deleteDocuments(new Term(Fields.URL, url)));
    }

    /** Removes every document of a site or collection; visible after {@link #commit}. */
    public void deleteSite(String site) {
        write(() -> writer.deleteDocuments(new Term(Fields.SITE, site)));
    }

    /** Removes every document; visible after {@link #commit}. */
    public void clear() {
        write(writer::deleteAll);
    }

    /** Makes all changes durable with this metadata and visible to searches. */
    public void commit(Map<String, String> userData) {
        write(() -> {
            writer.setLiveCommitData(Map.copyOf(userData).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
    }

    /** The metadata of the last commit (empty for a new index). */
    public Map<String, String> commitData() {
        if (writer == null) {
            return read(searcher -> ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
        }
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Number of searchable documents. */
    public int size() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Calls {@code consumer} with every searchable document, for building suggestion dictionaries. */
    public void forEach(Consumer<SearchDocument> consumer) {
        read(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        consumer.accept(toDocument(stored.document(i)));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Runs a user query.
     *
     * @param page 1-based page number
     * @param size results per page
     */
    public SearchResults search(String rawQuery, int page, int size) {
        long start = System.nanoTime();
        UserQuery parsed = UserQuery.parse(rawQuery);
        return read(searcher -> {
            Query query = toLucene(parsed, Occur.MUST);
            int wanted = page * size;
            TopDocs top = searcher.search(query, wanted);
            if (top.totalHits.value == 0 && parsed.groups().size() > 1) {
                query = toLucene(parsed, Occur.SHOULD);
                top = searcher.search(query, wanted);
            }
            ScoreDoc[] all = top.scoreDocs;
            int from = Math.min((page - 1) * size, all.length);
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(all, from, all.length);
            String[] snippets = highlight(searcher, query, pageDocs, top);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < pageDocs.length; i++) {
                Document d = stored.document(pageDocs[i].doc);
                String snippet = snippets[i] != null ? snippets[i] : leadSnippet(d.get(Fields.BODY));
                hits.add(new SearchHit(d.get(Fields.URL), d.get(Fields.TITLE), snippet, d.get(Fields.SITE),
                        pageDocs[i].score));
            }
            long took = (System.nanoTime() - start) / 1_000;
            return new SearchResults(rawQuery, top.totalHits.value, page, size, took, hits);
        });
    }

    private String[] highlight(IndexSearcher searcher, Query query, ScoreDoc[] docs, TopDocs top) throws IOException {
        if (docs.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .build();
        TopDocs pageTop = new TopDocs(top.totalHits, docs);
        return highlighter.highlight(Fields.BODY, query, pageTop, 2);
    }

    private static String leadSnippet(String body) {
        String lead = body.length() <= SNIPPET_CHARS ? body : body.substring(0, SNIPPET_CHARS) + " …";
        return Html.escape(lead);
    }

    Query toLucene(UserQuery parsed, Occur between) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int positive = 0;
        for (List<UserQuery.Term> group : parsed.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int alternatives = 0;
            for (UserQuery.Term term : group) {
                Query q = termQuery(term);
                if (q != null) {
                    any.add(q, Occur.SHOULD);
                    alternatives++;
                }
            }
            if (alternatives > 0) {
                all.add(any.build(), between);
                positive++;
            }
        }
        if (positive == 0) {
            return new MatchNoDocsQuery("nothing to search for");
        }
        for (UserQuery.Term term : parsed.excluded()) {
            Query q = termQuery(term);
            if (q != null) {
                all.add(q, Occur.MUST_NOT);
            }
        }
        if (!parsed.site().isEmpty()) {
            all.add(new TermQuery(new Term(Fields.SITE, parsed.site())), Occur.FILTER);
        }
        return all.build();
    }

    /** The term searched in title, headings and body, best field counting most; null if it analyses to nothing. */
    private Query termQuery(UserQuery.Term term) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = false;
        for (var field : List.of(Map.entry(Fields.TITLE, TITLE_BOOST), Map.entry(Fields.HEADINGS, HEADINGS_BOOST),
                Map.entry(Fields.BODY, 1f))) {
            Query q = term.phrase()
                    ? queryBuilder.createPhraseQuery(field.getKey(), term.text())
                    : queryBuilder.createBooleanQuery(field.getKey(), term.text(), Occur.MUST);
            if (q != null) {
                fields.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
                any = true;
            }
        }
        return any ? fields.build() : null;
    }

    private static SearchDocument toDocument(Document d) {
        return new SearchDocument(d.get(Fields.URL), d.get(Fields.TITLE), List.of(d.getValues(Fields.HEADINGS)),
                d.get(Fields.BODY), d.get(Fields.SITE), d.get(Fields.LANGUAGE));
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface IoRead<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private void write(IoAction action) {
        if (writer == null) {
            throw new IllegalStateException("index was opened read-only");
        }
        try {
            action.run();
        } catch (IOException e) {
            throw new SearchIndexException("index write failed: " + e.getMessage(), e);
        }
    }

    private <T> T read(IoRead<T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchIndexException("index read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
