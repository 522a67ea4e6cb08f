package io.chatda.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * The searchers of an index and how reads get one. A writing index's searchers are refreshed by its
 * commits; a read-only index refreshes before a read at most once a second (by an injected nano
 * source), so another process's commits become visible without reopening.
 */
final class Searchers implements Closeable {

    static final long READ_ONLY_REFRESH_NANOS = 1_000_000_000L;

    /** A read of the index through one searcher. */
    @FunctionalInterface
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final SearcherManager manager;
    /** Null for a writing index, whose commits refresh. */
    private final LongSupplier nanoTime;

    private volatile long lastRefresh;

    private Searchers(SearcherManager manager, LongSupplier nanoTime) {
        this.manager = manager;
        this.nanoTime = nanoTime;
        this.lastRefresh = nanoTime == null ? 0 : nanoTime.getAsLong();
    }

    /** Near-real-time searchers of {@code writer}'s index, refreshed by {@link #refreshBlocking}. */
    static Searchers of(IndexWriter writer) throws IOException {
        return new Searchers(new SearcherManager(writer, null), null);
    }

    /** Searchers of the last commit in {@code directory}, refreshed by reads at most every second of {@code nanoTime}. */
    static Searchers readOnly(Directory directory, LongSupplier nanoTime) throws IOException {
        return new Searchers(new SearcherManager(directory, null), nanoTime);
    }

    /**
     * Runs {@code action} with a searcher (refreshed first when read-only and a second has passed).
     *
     * @throws SearchIndexException if reading fails
     */
    <T> T read(Read<T> action) {
        try {
            if (nanoTime != null && nanoTime.getAsLong() - lastRefresh > READ_ONLY_REFRESH_NANOS) {
                lastRefresh = nanoTime.getAsLong();
                manager.maybeRefresh();
            }
            return withSearcher(action);
        } catch (IOException e) {
            throw new SearchIndexException("index read failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} with a searcher that sees every change made so far; for the writer's own reads. */
    <T> T readLatest(Read<T> action) throws IOException {
        refreshBlocking();
        return withSearcher(action);
    }

    /** Makes every change made so far visible to the next reads. */
    void refreshBlocking() throws IOException {
        manager.maybeRefreshBlocking();
    }

    private <T> T withSearcher(Read<T> action) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return action.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
