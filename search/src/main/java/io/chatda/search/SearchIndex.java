package io.chatda.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;

/**
 * The Lucene index of a data directory: adds, replaces and deletes documents, commits with
 * metadata, and answers user queries with ranked, highlighted results (docs/ranking.md). At each
 * commit the link graph of the indexed pages gives every page the anchor text of its inbound links
 * and its PageRank authority. Readers refresh after each commit (and, read-only, at most every
 * second), so changes become searchable without a restart. Thread-safe.
 *
 * <p>A facade: {@link IndexUpdates} writes, {@link Searchers} hands out searchers, {@link RankedSearch}
 * runs queries (with {@link Snippets}), and {@link PageOutlines} reads what suggestions are built from.
 */
public final class SearchIndex implements Closeable {

    /**
     * Version of the fields a page is indexed with; documents indexed under another layout still
     * match, without the fields added since (re-import or {@code crawl --refresh} to get them).
     */
    public static final String LAYOUT = "2-bigrams-loanwords-glosses-titlekey-view";

    /** Largest page size a search accepts. */
    public static final int MAX_SIZE = 50;

    private final Directory directory;
    private final TextAnalysis analysis;
    private final Searchers searchers;
    /** Null when opened read-only. */
    private final IndexUpdates updates;

    private final IndexWorkers workers;
    private final RankedSearch ranking;
    private final PageOutlines outlines;

    private SearchIndex(
            Directory directory,
            TextAnalysis analysis,
            Searchers searchers,
            IndexUpdates updates,
            IndexWorkers workers) {
        this.directory = directory;
        this.analysis = analysis;
        this.searchers = searchers;
        this.updates = updates;
        this.workers = workers;
        this.ranking = new RankedSearch(analysis);
        this.outlines = new PageOutlines(analysis, workers);
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
        return open(dir, analysis, CommitHook.NONE);
    }

    /**
     * Replication hook: {@link #open(Path, TextAnalysis)} with {@code commitHook} choosing which commits the writer
     * keeps and told of each commit (docs/replication.md).
     */
    public static SearchIndex open(Path dir, TextAnalysis analysis, CommitHook commitHook) {
        try {
            return open(FSDirectory.open(dir), analysis, commitHook);
        } catch (LockObtainFailedException e) {
            throw new SearchIndexException("the index at " + dir + " is in use by another chatda process", e);
        } catch (IOException e) {
            throw new SearchIndexException("can't open index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the index in {@code directory} for reading and writing; closes {@code directory} if that fails. */
    static SearchIndex open(Directory directory, TextAnalysis analysis) throws IOException {
        return open(directory, analysis, CommitHook.NONE);
    }

    /** {@link #open(Directory, TextAnalysis)} with the replication hook {@code commitHook}. */
    static SearchIndex open(Directory directory, TextAnalysis analysis, CommitHook commitHook) throws IOException {
        IndexWriter writer = null;
        Searchers searchers = null;
        IndexWorkers workers = null;
        try {
            writer = new IndexWriter(
                    directory, IndexUpdates.writerConfig(analysis).setIndexDeletionPolicy(commitHook.deletionPolicy()));
            searchers = Searchers.of(writer);
            workers = IndexWorkers.forWriting();
            // nori loads its dictionaries on first use (a few hundred ms): here, while the caller starts up
            workers.inBackground(() -> warmUp(analysis));
            IndexUpdates updates = new IndexUpdates(writer, directory, searchers, analysis, workers, commitHook);
            return new SearchIndex(directory, analysis, searchers, updates, workers);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(searchers, writer, workers, directory);
            throw e;
        }
    }

    private static void warmUp(TextAnalysis analysis) {
        try {
            TextAnalysis.terms(analysis.perField(), Fields.BODY, "한국어 검색"); // loading is the point
        } catch (RuntimeException e) {
            // the first real document will report any problem
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
        return openReadOnly(dir, analysis, System::nanoTime);
    }

    /** {@link #openReadOnly(Path, TextAnalysis)} refreshing by {@code nanoTime}'s seconds. */
    static SearchIndex openReadOnly(Path dir, TextAnalysis analysis, LongSupplier nanoTime) {
        try {
            Directory directory = FSDirectory.open(dir);
            try {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new SearchIndexException("no index at " + dir, null);
                }
                return new SearchIndex(
                        directory, analysis, Searchers.readOnly(directory, nanoTime), null, new IndexWorkers(0));
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileHandlingException(directory);
                throw e;
            }
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
        updates().upsert(doc);
    }

    /** Removes the document with this URL, if any; visible after {@link #commit}. */
    public void delete(String url) {
        updates().delete(url);
    }

    /** Removes every document of a site or collection; visible after {@link #commit}. */
    public void deleteSite(String site) {
        updates().deleteSite(site);
    }

    /** Removes every document; visible after {@link #commit}. */
    public void clear() {
        updates().clear();
    }

    /**
     * Writes pending documents, re-writes pages whose inbound anchor text changed, updates changed
     * authorities in place, then makes everything durable with this metadata and visible to searches.
     */
    public void commit(Map<String, String> userData) {
        updates().commit(userData);
    }

    /**
     * Merges a small index (at most 5,000 documents and 32 MB on disk) into one
     * segment and commits that, keeping the last commit's metadata; for after an import. A commit
     * writes its documents on several threads, one segment each, and every query word's ~12 field
     * clauses cost a terms-dictionary seek per segment: the demo index in two segments ranked 1.6×
     * slower (docs/performance.md). Larger indexes are left to the merge policy (docs/architecture.md).
     *
     * @return whether the index was merged
     */
    public boolean mergeIfSmall() {
        return updates().mergeIfSmall();
    }

    private IndexUpdates updates() {
        if (updates == null) {
            throw new IllegalStateException("index was opened read-only");
        }
        return updates;
    }

    /**
     * Replication hook: makes searches see the directory's latest commit now, for a read-only index whose files a
     * replica has just replaced (docs/replication.md); a read-only index otherwise looks at most every second.
     *
     * @throws SearchIndexException if the commit can't be opened
     */
    public void refresh() {
        try {
            searchers.refreshBlocking();
        } catch (IOException e) {
            throw new SearchIndexException("can't open the index's latest commit: " + e.getMessage(), e);
        }
    }

    /** The metadata of the last commit (empty for a new index). */
    public Map<String, String> commitData() {
        if (updates == null) {
            return searchers.read(searcher -> ((DirectoryReader) searcher.getIndexReader())
                    .getIndexCommit()
                    .getUserData());
        }
        return updates.commitData();
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
        return searchers.read(
                searcher -> DictionaryProposals.find(searcher.getIndexReader(), analysis.perField(), limit));
    }

    /** Number of searchable documents. */
    public int size() {
        return searchers.read(searcher -> searcher.getIndexReader().numDocs());
    }

    /**
     * The outline of every searchable document, in index order, with its best {@code topicsPerDocument}
     * topics in the whole collection: what suggestion dictionaries are built from. Topics come from the
     * content runs stored with each document; a document written before they were stored is analysed
     * again here.
     */
    public List<DocumentOutline> outlines(int topicsPerDocument) {
        return searchers.read(searcher -> outlines.outlines(searcher.getIndexReader(), topicsPerDocument));
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
    public void forEachPageText(Consumer<PageText> page) {
        searchers.read(searcher -> {
            outlines.forEachPageText(searcher.getIndexReader(), page);
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
        return searchers.read(searcher -> ranking.search(searcher, rawQuery, page, size, options, start));
    }

    /** The stored document at {@code url}, with its view HTML when it has one; empty when the index holds no such URL. */
    public Optional<SearchDocument> document(String url) {
        return searchers.read(searcher -> {
            TopDocs found = searcher.search(new TermQuery(new Term(Fields.URL, url)), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(PageDocuments.fromLucene(searcher.storedFields().document(found.scoreDocs[0].doc)));
        });
    }

    /**
     * Writes what is pending (as a commit would, without its metadata), then closes the searchers, the
     * writer (which commits), the helper threads and the directory. Every step runs even when an earlier one
     * fails; the first failure is thrown with the others suppressed.
     *
     * @throws SearchIndexException if a step failed
     */
    @Override
    public void close() {
        Closeable flush = updates == null ? null : updates::flush;
        try {
            IOUtils.close(flush, searchers, updates, workers, directory);
        } catch (IOException e) {
            throw new SearchIndexException("closing the index failed: " + e.getMessage(), e);
        }
    }
}
