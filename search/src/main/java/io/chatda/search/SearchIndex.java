package io.chatda.search;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of a data directory: adds, replaces and deletes documents, commits with
 * metadata, and answers user queries with ranked, highlighted results (docs/ranking.md). At each
 * commit the link graph of the indexed pages gives every page the anchor text of its inbound links
 * and its PageRank authority. Readers refresh after each commit (and, read-only, at most every
 * second), so changes become searchable without a restart. Thread-safe.
 */
public final class SearchIndex implements Closeable {

    /**
     * Version of the fields a page is indexed with; documents indexed under another layout still
     * match, without the fields added since (re-import or {@code crawl --refresh} to get them).
     */
    public static final String LAYOUT = "2-bigrams-loanwords-glosses-titlekey-view";

    /** Largest page size a search accepts. */
    public static final int MAX_SIZE = 50;
    private static final int SNIPPET_CHARS = 220;
    private static final long PENDING_CHARS = 32L << 20;
    /** An index up to this size is merged into one segment after an import (see {@link #mergeIfSmall}). */
    private static final int MERGE_MAX_DOCS = 5_000;
    private static final long MERGE_MAX_BYTES = 32L << 20;
    private static final long READ_ONLY_REFRESH_NANOS = 1_000_000_000L;
    /** What a hit shows, without the body and links that make stored documents large. */
    private static final Set<String> HIT_FIELDS = Set.of(Fields.URL, Fields.TITLE, Fields.SITE,
            Fields.TOPICS);
    /**
     * Documents whose phrases {@link #outlines} counts at once: each holds all its phrases until added, up to a
     * megabyte for a long page, so enough to keep the threads busy and no more.
     */
    private static final int OUTLINE_BATCH = 32;
    private static final Set<String> PAGE_TEXT_FIELDS = Set.of(Fields.URL, Fields.TITLE, Fields.HEADINGS, Fields.SITE,
            Fields.BODY);
    private static final Set<String> OUTLINE_FIELDS = Set.of(Fields.URL, Fields.TITLE, Fields.HEADINGS, Fields.SITE,
            Fields.TITLE_RUNS, Fields.TEXT_RUNS);

    private final Directory directory;
    private final TextAnalysis analysis;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Ranker ranker;
    private final DidYouMean didYouMean;
    private final Object writeLock = new Object();
    private volatile long lastRefresh = System.nanoTime();

    // writer state, guarded by writeLock; the graph is loaded on the first write
    private LinkGraph graph;
    private final Map<String, SearchDocument> pending = new LinkedHashMap<>();
    private long pendingChars;
    private final Map<String, Indexed> indexed = new ConcurrentHashMap<>();
    /** Helpers that analyse and write documents alongside the committing thread, so a commit uses every core. */
    private final ExecutorService analysers;
    private final int analyserCount;

    /** What a page's derived fields were last written with. */
    private record Indexed(int anchorsHash, double authority) {
    }

    private SearchIndex(Directory directory, TextAnalysis analysis, boolean writable) throws IOException {
        this.directory = directory;
        this.analysis = analysis;
        if (writable) {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analysis.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64));
            this.searchers = new SearcherManager(writer, null);
        } else {
            this.writer = null;
            this.searchers = new SearcherManager(directory, null);
        }
        this.ranker = new Ranker(new QueryFactory(analysis));
        this.didYouMean = new DidYouMean(analysis);
        this.analyserCount = writable ? Math.max(0, Runtime.getRuntime().availableProcessors() - 1) : 0;
        this.analysers = analyserCount == 0 ? null : Executors.newFixedThreadPool(analyserCount, r -> {
            Thread t = new Thread(r, "chatda-index-writer");
            t.setDaemon(true);
            return t;
        });
        if (analysers != null) {
            // nori loads its dictionaries on first use (a few hundred ms): here, while the caller starts up
            analysers.execute(this::warmUpAnalysis);
        }
    }

    private void warmUpAnalysis() {
        try {
            TextAnalysis.terms(analysis.perField(), Fields.BODY, "한국어 검색"); // loading is the point
        } catch (RuntimeException e) {
            // the first real document will report any problem
        }
    }

    /** Opens the index in {@code dir} for reading and writing with the built-in analysis, creating it if absent. */
    public static SearchIndex open(Path dir) {
        return open(dir, TextAnalysis.standard());
    }

    /**
     * Opens the index in {@code dir} for reading and writing, creating it if absent. One writer per index.
     *
     * @param analysis the same analysis must be used by every process that opens this index
     */
    public static SearchIndex open(Path dir, TextAnalysis analysis) {
        try {
            return new SearchIndex(FSDirectory.open(dir), analysis, true);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new SearchIndexException("the index at " + dir + " is in use by another chatda process", e);
        } catch (IOException e) {
            throw new SearchIndexException("can't open index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@link #openReadOnly(Path, TextAnalysis)} with the built-in analysis. */
    public static SearchIndex openReadOnly(Path dir) {
        return openReadOnly(dir, TextAnalysis.standard());
    }

    /**
     * Opens an existing index for searching only, e.g. from the CLI while a server writes to it.
     *
     * @throws SearchIndexException if there is no index in {@code dir}
     */
    public static SearchIndex openReadOnly(Path dir, TextAnalysis analysis) {
        try {
            Directory directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new SearchIndexException("no index at " + dir, null);
            }
            return new SearchIndex(directory, analysis, false);
        } catch (IOException e) {
            throw new SearchIndexException("can't open index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The analysis this index uses. */
    public TextAnalysis analysis() {
        return analysis;
    }

    /** Adds the document or replaces the one with the same URL; visible after {@link #commit}. */
    public void upsert(SearchDocument doc) {
        write(() -> {
            graph().put(doc.url(), doc.site(), doc.links());
            SearchDocument previous = pending.put(doc.url(), doc);
            pendingChars += doc.body().length() - (previous == null ? 0 : previous.body().length());
            if (pendingChars > PENDING_CHARS) {
                flushPending(graph.snapshot());
            }
        });
    }

    /** Removes the document with this URL, if any; visible after {@link #commit}. */
    public void delete(String url) {
        write(() -> {
            graph().remove(url);
            forget(url);
            writer.deleteDocuments(new Term(Fields.URL, url));
        });
    }

    /** Removes every document of a site or collection; visible after {@link #commit}. */
    public void deleteSite(String site) {
        write(() -> {
            graph().removeSite(site).forEach(this::forget);
            writer.deleteDocuments(new Term(Fields.SITE, site));
        });
    }

    /** Removes every document; visible after {@link #commit}. */
    public void clear() {
        write(() -> {
            graph().clear();
            pending.clear();
            pendingChars = 0;
            indexed.clear();
            writer.deleteAll();
        });
    }

    /**
     * Writes pending documents, re-writes pages whose inbound anchor text changed, updates changed
     * authorities in place, then makes everything durable with this metadata and visible to searches.
     */
    public void commit(Map<String, String> userData) {
        write(() -> {
            if (graph != null) {
                LinkGraph.Snapshot snapshot = graph.snapshot();
                flushPending(snapshot);
                refreshDerived(snapshot);
            }
            writer.setLiveCommitData(Map.copyOf(userData).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
    }

    /**
     * Merges a small index (at most {@value #MERGE_MAX_DOCS} documents and 32 MB on disk) into one
     * segment and commits that, keeping the last commit's metadata; for after an import. A commit
     * writes its documents on several threads, one segment each, and every query word's ~12 field
     * clauses cost a terms-dictionary seek per segment: the demo index in two segments ranked 1.6×
     * slower (docs/performance.md). Larger indexes are left to the merge policy (docs/architecture.md).
     *
     * @return whether the index was merged
     */
    public boolean mergeIfSmall() {
        boolean[] merged = {false};
        write(() -> {
            if (writer.getDocStats().maxDoc > MERGE_MAX_DOCS || read(s -> s.getIndexReader().leaves().size()) <= 1
                    || bytesOnDisk() > MERGE_MAX_BYTES) {
                return;
            }
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
            merged[0] = true;
        });
        return merged[0];
    }

    private long bytesOnDisk() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            try {
                bytes += directory.fileLength(file);
            } catch (NoSuchFileException | FileNotFoundException e) {
                // deleted since listed (an old commit's file): not part of the index any more
            }
        }
        return bytes;
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

    /**
     * Who the index's last commit is: its generation and Lucene's random commit id, or "none" before the
     * first commit. Different after every commit and for a re-created index, so what was built from the
     * index (a saved suggestion dictionary) can tell it is stale.
     *
     * @throws SearchIndexException if the commit can't be read
     */
    public String lastCommitId() {
        try {
            SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
            return infos.getGeneration() + "-" + HexFormat.of().formatHex(infos.getId());
        } catch (IndexNotFoundException | NoSuchFileException e) {
            return "none";
        } catch (IOException e) {
            throw new SearchIndexException("can't read the index's last commit: " + e.getMessage(), e);
        }
    }

    /**
     * Up to {@code limit} words of the indexed pages that nori breaks apart and a user dictionary
     * entry would keep whole, the most pages first (for {@code chatda status}).
     */
    public List<DictionaryProposal> dictionaryProposals(int limit) {
        return read(searcher -> DictionaryProposals.find(searcher.getIndexReader(), analysis.perField(), limit));
    }

    /** Number of searchable documents. */
    public int size() {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * The outline of every searchable document, in index order, with its best {@code topicsPerDocument}
     * topics in the whole collection: what suggestion dictionaries are built from. Topics come from the
     * content runs stored with each document; a document written before they were stored is analysed
     * again here.
     */
    public List<DocumentOutline> outlines(int topicsPerDocument) {
        return read(searcher -> {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            long[] live = new long[searcher.getIndexReader().numDocs()]; // leaf << 32 | document
            int liveCount = 0;
            for (LeafReaderContext leaf : leaves) {
                var liveDocs = leaf.reader().getLiveDocs();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (liveDocs == null || liveDocs.get(i)) {
                        live[liveCount++] = (long) leaf.ord << 32 | i;
                    }
                }
            }
            // each document is read and its phrases counted on this thread and the analysers, then
            // added to the collection's counts in index order; a batch at a time, since a document's
            // counts hold every phrase it has until they are added (which keeps only candidates)
            DocumentOutline[] untopical = new DocumentOutline[liveCount];
            TopicExtractor extractor = new TopicExtractor();
            TopicExtractor.PhraseCounts[] counted = new TopicExtractor.PhraseCounts[OUTLINE_BATCH];
            for (int from = 0; from < liveCount; from += OUTLINE_BATCH) {
                int first = from;
                int count = Math.min(OUTLINE_BATCH, liveCount - from);
                inParallel(count, b -> {
                    int n = first + b;
                    LeafReader reader = leaves.get((int) (live[n] >>> 32)).reader();
                    int i = (int) live[n];
                    StoredFields stored = reader.storedFields(); // not thread-safe: one per document
                    Document d = stored.document(i, OUTLINE_FIELDS);
                    List<String> headings = List.of(d.getValues(Fields.HEADINGS));
                    String titleRuns = d.get(Fields.TITLE_RUNS);
                    String textRuns = d.get(Fields.TEXT_RUNS);
                    if (titleRuns == null || textRuns == null) {
                        titleRuns = ContentRuns.of(analysis.perField(), Fields.TITLE, d.get(Fields.TITLE));
                        ContentRuns text = new ContentRuns();
                        for (String heading : headings) {
                            text.analyse(analysis.perField(), Fields.HEADINGS, heading);
                        }
                        text.analyse(analysis.perField(), Fields.BODY,
                                stored.document(i, Set.of(Fields.BODY)).get(Fields.BODY));
                        textRuns = text.encoded();
                    }
                    counted[b] = TopicExtractor.count(titleRuns, textRuns);
                    untopical[n] = new DocumentOutline(d.get(Fields.URL), d.get(Fields.TITLE), headings,
                            d.get(Fields.SITE), List.of());
                });
                for (int b = 0; b < count; b++) {
                    extractor.add(untopical[first + b].url(), counted[b]);
                    counted[b] = null;
                }
            }
            Map<String, List<TopicExtractor.Topic>> topics = extractor.topics(topicsPerDocument);
            return Arrays.stream(untopical).map(o -> new DocumentOutline(o.url(), o.title(), o.headings(), o.site(),
                    topics.getOrDefault(o.url(), List.of()))).toList();
        });
    }

    /**
     * One searchable page's texts as stored (title, headings, body): what a suggestion vocabulary counts its words
     * and phrases in. See {@link #forEachPageText}.
     */
    public record PageText(String url, String site, String title, List<String> headings, String body) {
        public PageText {
            headings = List.copyOf(headings);
        }
    }

    /**
     * Calls {@code page} with the stored texts of every searchable document, in index order, on this thread, one
     * document at a time (a 100,000-page index is never held whole). Read-only.
     */
    public void forEachPageText(java.util.function.Consumer<PageText> page) {
        read(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                var liveDocs = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (liveDocs == null || liveDocs.get(i)) {
                        Document d = stored.document(i, PAGE_TEXT_FIELDS);
                        page.accept(new PageText(d.get(Fields.URL), d.get(Fields.SITE), d.get(Fields.TITLE),
                                List.of(d.getValues(Fields.HEADINGS)), d.get(Fields.BODY)));
                    }
                }
            }
            return null;
        });
    }

    /** {@link #search(String, int, int, SearchOptions)} with the default options. */
    public SearchResults search(String rawQuery, int page, int size) {
        return search(rawQuery, page, size, SearchOptions.DEFAULT);
    }

    /**
     * Runs a user query. Never fails on odd query text: see {@link UserQuery}.
     *
     * @param page 1-based page number
     * @param size results per page, 1 to {@value #MAX_SIZE}
     * @throws IllegalArgumentException if page or size is out of range
     */
    public SearchResults search(String rawQuery, int page, int size, SearchOptions options) {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 1 and size between 1 and " + MAX_SIZE);
        }
        long start = System.nanoTime();
        UserQuery parsed = UserQuery.parse(rawQuery);
        return read(shared -> {
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
            long took = (System.nanoTime() - start) / 1_000;
            return new SearchResults(rawQuery, ranked.total(), page, size, took, hits, suggestion, corrected);
        });
    }

    private List<SearchHit> toHits(IndexSearcher searcher, Ranker.Ranked ranked, boolean explain) throws IOException {
        ScoreDoc[] docs = ranked.page().toArray(new ScoreDoc[0]);
        String[] snippets = highlight(searcher, ranked.query(), docs);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i].doc, HIT_FIELDS);
            String snippet = snippets[i] != null ? snippets[i]
                    : leadSnippet(stored.document(docs[i].doc, Set.of(Fields.BODY)).get(Fields.BODY));
            String explanation = explain ? searcher.explain(ranked.query(), docs[i].doc).toString() : "";
            hits.add(new SearchHit(d.get(Fields.URL), d.get(Fields.TITLE), snippet, d.get(Fields.SITE), docs[i].score,
                    List.of(d.getValues(Fields.TOPICS)), explanation));
        }
        return hits;
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
        TopDocs pageTop = new TopDocs(new org.apache.lucene.search.TotalHits(byDoc.length,
                org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), byDoc);
        return highlighter.highlight(Fields.BODY, query, pageTop, ContentFirstFormatter.CANDIDATES);
    }

    /** The stored document at {@code url}, with its view HTML when it has one; empty when the index holds no such URL. */
    public java.util.Optional<SearchDocument> document(String url) {
        return read(searcher -> {
            TopDocs found = searcher.search(new TermQuery(new Term(Fields.URL, url)), 1);
            if (found.scoreDocs.length == 0) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(PageDocuments.fromLucene(searcher.storedFields().document(found.scoreDocs[0].doc)));
        });
    }

    private static String leadSnippet(String body) {
        int marker = body.indexOf(SearchDocument.LINK_LISTS);
        body = marker < 0 ? body : body.substring(0, marker);
        String lead = body.length() <= SNIPPET_CHARS ? body : body.substring(0, SNIPPET_CHARS) + " …";
        return Html.escape(lead);
    }

    // ---- writing -------------------------------------------------------------------------------

    private LinkGraph graph() throws IOException {
        if (graph == null) {
            graph = new LinkGraph();
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    StoredFields stored = leaf.reader().storedFields();
                    NumericDocValues authority = DocValues.getNumeric(leaf.reader(), Fields.AUTHORITY);
                    var live = leaf.reader().getLiveDocs();
                    for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                        if (live != null && !live.get(i)) {
                            continue;
                        }
                        Document d = stored.document(i, Set.of(Fields.URL, Fields.SITE, Fields.LINKS,
                                Fields.ANCHORS_HASH));
                        String url = d.get(Fields.URL);
                        graph.put(url, d.get(Fields.SITE), PageDocuments.decodeLinks(d.getValues(Fields.LINKS)));
                        double a = authority.advanceExact(i) ? AuthorityBoost.decode(authority.longValue()) : 1.0;
                        var hash = d.getField(Fields.ANCHORS_HASH);
                        indexed.put(url, new Indexed(hash == null ? 0 : hash.numericValue().intValue(), a));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        }
        return graph;
    }

    private void forget(String url) {
        SearchDocument removed = pending.remove(url);
        if (removed != null) {
            pendingChars -= removed.body().length();
        }
        indexed.remove(url);
    }

    private void flushPending(LinkGraph.Snapshot snapshot) throws IOException {
        List<SearchDocument> docs = new ArrayList<>(pending.values());
        inParallel(docs.size(), i -> writeDocument(docs.get(i), snapshot));
        pending.clear();
        pendingChars = 0;
    }

    /** An action on the i-th item of a batch. */
    @FunctionalInterface
    private interface IoItem {
        void run(int i) throws IOException;
    }

    /**
     * Runs {@code action} for items 0 to {@code count - 1} on this thread and the analyser threads
     * (IndexWriter is thread-safe and analyses on the calling thread); returns when all are done.
     */
    private void inParallel(int count, IoItem action) throws IOException {
        int helpers = Math.min(analyserCount, count / 8);
        AtomicInteger next = new AtomicInteger();
        Callable<Void> drain = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                action.run(i);
            }
            return null;
        };
        List<Future<Void>> running = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            running.add(analysers.submit(drain));
        }
        IOException failure = null;
        try {
            drain.call();
        } catch (IOException e) {
            failure = e;
            next.set(count);
        } catch (Exception e) {
            next.set(count);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = failure != null ? failure : new InterruptedIOException("interrupted while indexing");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        failure = failure != null ? failure : io;
                    } else if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void refreshDerived(LinkGraph.Snapshot snapshot) throws IOException {
        List<String> rewrite = new ArrayList<>();
        for (Map.Entry<String, Indexed> e : indexed.entrySet()) {
            String url = e.getKey();
            Indexed was = e.getValue();
            if (snapshot.anchorsOf(url).hashCode() != was.anchorsHash) {
                rewrite.add(url);
            } else {
                double now = snapshot.authorityOf(url);
                if (Math.abs(now - was.authority) > 0.01 * Math.max(now, was.authority)) {
                    writer.updateNumericDocValue(new Term(Fields.URL, url), Fields.AUTHORITY, AuthorityBoost.encode(now));
                    e.setValue(new Indexed(was.anchorsHash, now));
                }
            }
        }
        if (rewrite.isEmpty()) {
            return;
        }
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            inParallel(rewrite.size(), i -> {
                TopDocs found = searcher.search(new TermQuery(new Term(Fields.URL, rewrite.get(i))), 1);
                if (found.scoreDocs.length == 1) {
                    // StoredFields instances are not thread-safe: one per document
                    writeDocument(PageDocuments.fromLucene(searcher.storedFields().document(found.scoreDocs[0].doc)), snapshot);
                }
            });
        } finally {
            searchers.release(searcher);
        }
    }

    private void writeDocument(SearchDocument doc, LinkGraph.Snapshot snapshot) throws IOException {
        List<String> anchors = snapshot.anchorsOf(doc.url());
        double authority = snapshot.authorityOf(doc.url());
        writer.updateDocument(new Term(Fields.URL, doc.url()), PageDocuments.toLucene(doc, anchors, authority, analysis));
        indexed.put(doc.url(), new Indexed(anchors.hashCode(), authority));
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
        synchronized (writeLock) {
            try {
                action.run();
            } catch (IOException e) {
                throw new SearchIndexException("index write failed: " + e.getMessage(), e);
            }
        }
    }

    private <T> T read(IoRead<T> action) {
        try {
            if (writer == null && System.nanoTime() - lastRefresh > READ_ONLY_REFRESH_NANOS) {
                lastRefresh = System.nanoTime();
                searchers.maybeRefresh();
            }
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
            if (writer != null) {
                synchronized (writeLock) {
                    if (graph != null) {
                        LinkGraph.Snapshot snapshot = graph.snapshot();
                        flushPending(snapshot);
                        refreshDerived(snapshot);
                    }
                }
            }
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            if (analysers != null) {
                analysers.shutdown();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
