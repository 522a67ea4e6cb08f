package io.chatda.search;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

/**
 * The writing side of an index: one write at a time under a lock, upserted documents held until a
 * commit (or 32 MB of body text), the link graph of the indexed pages, and commits that give each
 * page the anchor text of its inbound links and its PageRank authority (docs/ranking.md). Closing
 * closes the writer; {@link #flush} first to write what is pending.
 */
final class IndexUpdates implements Closeable {

    private static final long PENDING_CHARS = 32L << 20;
    /** An index up to this size is merged into one segment after an import (see {@link #mergeIfSmall}). */
    private static final int MERGE_MAX_DOCS = 5_000;

    private static final long MERGE_MAX_BYTES = 32L << 20;

    private final IndexWriter writer;
    private final Directory directory;
    private final Searchers searchers;
    private final TextAnalysis analysis;
    private final IndexWorkers workers;
    private final Object writeLock = new Object();
    /** Replication hook: told of every commit. */
    private final CommitHook commitHook;

    // guarded by writeLock; the graph is loaded on the first write
    private LinkGraph graph;
    private final Map<String, SearchDocument> pending = new LinkedHashMap<>();
    private long pendingChars;
    private final Map<String, Indexed> indexed = new ConcurrentHashMap<>();

    /** What a page's derived fields were last written with. */
    private record Indexed(int anchorsHash, double authority) {}

    /**
     * Writes through {@code writer}, which is on {@code directory} and refreshes {@code searchers}; tells
     * {@code commitHook} of each commit.
     */
    IndexUpdates(
            IndexWriter writer,
            Directory directory,
            Searchers searchers,
            TextAnalysis analysis,
            IndexWorkers workers,
            CommitHook commitHook) {
        this.writer = writer;
        this.directory = directory;
        this.searchers = searchers;
        this.analysis = analysis;
        this.workers = workers;
        this.commitHook = commitHook;
    }

    /** How every chatda index is written: the one place its writer's configuration is made. */
    static IndexWriterConfig writerConfig(TextAnalysis analysis) {
        return new IndexWriterConfig(analysis.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
    }

    void upsert(SearchDocument doc) {
        write(() -> {
            graph().put(doc.url(), doc.site(), doc.links());
            SearchDocument previous = pending.put(doc.url(), doc);
            pendingChars += doc.body().length()
                    - (previous == null ? 0 : previous.body().length());
            if (pendingChars > PENDING_CHARS) {
                flushPending(graph.snapshot());
            }
        });
    }

    void delete(String url) {
        write(() -> {
            graph().remove(url);
            forget(url);
            writer.deleteDocuments(new Term(Fields.URL, url));
        });
    }

    void deleteSite(String site) {
        write(() -> {
            graph().removeSite(site).forEach(this::forget);
            writer.deleteDocuments(new Term(Fields.SITE, site));
        });
    }

    void clear() {
        write(() -> {
            graph().clear();
            pending.clear();
            pendingChars = 0;
            indexed.clear();
            writer.deleteAll();
        });
    }

    /** See {@link SearchIndex#commit}. */
    void commit(Map<String, String> userData) {
        write(() -> {
            writeDerived();
            writer.setLiveCommitData(Map.copyOf(userData).entrySet());
            writer.commit();
            searchers.refreshBlocking();
            commitHook.committed(); // replication hook
        });
    }

    /** See {@link SearchIndex#mergeIfSmall}. */
    boolean mergeIfSmall() {
        boolean[] merged = {false};
        write(() -> {
            if (writer.getDocStats().maxDoc > MERGE_MAX_DOCS
                    || searchers.read(s -> s.getIndexReader().leaves().size()) <= 1
                    || bytesOnDisk() > MERGE_MAX_BYTES) {
                return;
            }
            writer.forceMerge(1);
            writer.commit();
            searchers.refreshBlocking();
            commitHook.committed(); // replication hook
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

    /** The metadata the next commit will write: the last commit's unless changed since. */
    Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Writes pending documents and changed anchors and authorities to the writer, without committing; for closing. */
    void flush() throws IOException {
        synchronized (writeLock) {
            writeDerived();
        }
    }

    private void writeDerived() throws IOException {
        if (graph != null) {
            LinkGraph.Snapshot snapshot = graph.snapshot();
            flushPending(snapshot);
            refreshDerived(snapshot);
        }
    }

    private LinkGraph graph() throws IOException {
        if (graph == null) {
            graph = new LinkGraph();
            searchers.readLatest(searcher -> {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    loadGraph(leaf);
                }
                return null;
            });
        }
        return graph;
    }

    private void loadGraph(LeafReaderContext leaf) throws IOException {
        StoredFields stored = leaf.reader().storedFields();
        NumericDocValues authority = DocValues.getNumeric(leaf.reader(), Fields.AUTHORITY);
        var live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
            if (live != null && !live.get(i)) {
                continue;
            }
            Document d = stored.document(i, Set.of(Fields.URL, Fields.SITE, Fields.LINKS, Fields.ANCHORS_HASH));
            String url = d.get(Fields.URL);
            graph.put(url, d.get(Fields.SITE), PageDocuments.decodeLinks(d.getValues(Fields.LINKS)));
            double a = authority.advanceExact(i) ? AuthorityBoost.decode(authority.longValue()) : 1.0;
            var hash = d.getField(Fields.ANCHORS_HASH);
            indexed.put(url, new Indexed(hash == null ? 0 : hash.numericValue().intValue(), a));
        }
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
        workers.inParallel(docs.size(), i -> writeDocument(docs.get(i), snapshot));
        pending.clear();
        pendingChars = 0;
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
                    writer.updateNumericDocValue(
                            new Term(Fields.URL, url), Fields.AUTHORITY, AuthorityBoost.encode(now));
                    e.setValue(new Indexed(was.anchorsHash, now));
                }
            }
        }
        if (rewrite.isEmpty()) {
            return;
        }
        searchers.readLatest(searcher -> {
            workers.inParallel(rewrite.size(), i -> {
                TopDocs found = searcher.search(new TermQuery(new Term(Fields.URL, rewrite.get(i))), 1);
                if (found.scoreDocs.length == 1) {
                    // StoredFields instances are not thread-safe: one per document
                    writeDocument(
                            PageDocuments.fromLucene(searcher.storedFields().document(found.scoreDocs[0].doc)),
                            snapshot);
                }
            });
            return null;
        });
    }

    private void writeDocument(SearchDocument doc, LinkGraph.Snapshot snapshot) throws IOException {
        List<String> anchors = snapshot.anchorsOf(doc.url());
        double authority = snapshot.authorityOf(doc.url());
        writer.updateDocument(
                new Term(Fields.URL, doc.url()), PageDocuments.toLucene(doc, anchors, authority, analysis));
        indexed.put(doc.url(), new Indexed(anchors.hashCode(), authority));
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private void write(Write action) {
        synchronized (writeLock) {
            try {
                action.run();
            } catch (IOException e) {
                throw new SearchIndexException("index write failed: " + e.getMessage(), e);
            }
        }
    }

    /** Closes the writer, which commits what was written since the last commit. */
    @Override
    public void close() throws IOException {
        writer.close();
    }
}
