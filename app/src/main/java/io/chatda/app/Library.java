package io.chatda.app;

import io.chatda.crawl.ImportException;
import io.chatda.crawl.SourceDocument;
import io.chatda.replica.SnapshotPublisher;
import io.chatda.search.CommitHook;
import io.chatda.search.SearchIndex;
import io.chatda.search.SearchOptions;
import io.chatda.search.SearchResults;
import io.chatda.server.DataGeneration;
import io.chatda.shared.QueryEvents;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import io.chatda.suggest.QueryLog;
import io.chatda.suggest.QueryPolicy;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggester;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open data of one data directory: the writable search index and the current suggestion
 * dictionary, swapped atomically after each change, and the query log that feeds it. The only class
 * that wires crawl, search and suggest together. Dictionaries are rebuilt after an import, and in the
 * background ({@link SuggestionRebuilds}) after a crawl checkpoint and every {@link RebuildSettings#period()}
 * when the query log changed; each rebuild first compacts the query log, which keeps it bounded while serving.
 * Readers keep the old dictionary until the new one is complete. Each dictionary built is saved in the
 * data directory ({@link #dictionaryFile}) with a fingerprint of its inputs, and opening loads it
 * instead of rebuilding when the index and the query log are still what it was built from.
 */
final class Library implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Library.class);

    private final SearchIndex index;
    private final Clock clock;
    private final DictionaryBuilder builder;
    private final Indexer indexer;
    private final FileImports imports = new FileImports();
    private final AtomicReference<Suggester> suggester = new AtomicReference<>();
    private final AtomicReference<DataGeneration> generation = new AtomicReference<>(DataGeneration.fixed());
    private final QueryLog queryLog;
    private final Path dictionaryFile;
    private final AtomicInteger dictionariesBuilt = new AtomicInteger();
    private final AtomicLong logChanges = new AtomicLong();
    private volatile long logChangesBuilt = -1;
    private final BackgroundFailures failures = new BackgroundFailures();
    private final SuggestionRebuilds rebuilds;
    private final Runnable dictionarySaved;
    /** The query log, each event also counted as a change the next rebuild takes in. */
    private final QueryEvents logged = new QueryEvents() {
        @Override
        public void search(String query, long hits, String client) {
            queryLog.recordSearch(query, hits, client);
            logChanges.incrementAndGet();
        }

        @Override
        public void pick(String text, String client) {
            queryLog.recordPick(text, client);
            logChanges.incrementAndGet();
        }
    };

    private Library(
            SearchIndex index,
            QueryLog queryLog,
            Path dictionaryFile,
            boolean suggesting,
            RebuildSettings settings,
            Runnable dictionarySaved) {
        this.index = index;
        this.dictionarySaved = dictionarySaved;
        this.queryLog = queryLog;
        this.dictionaryFile = dictionaryFile;
        this.clock = settings.clock();
        this.builder = settings.builder();
        this.indexer = new Indexer(index);
        this.rebuilds = new SuggestionRebuilds(settings, failures);
        if (!suggesting) {
            return;
        }
        if (!loadSavedSuggestions()) {
            rebuildSuggestions();
        }
        rebuilds.schedulePeriodic(() -> logChanges.get() != logChangesBuilt, this::rebuildSuggestions);
    }

    /**
     * Opens (creating if needed) the data directory's index for writing and its query log, with the
     * suggestion dictionary loaded (or built) and kept fresh; logged queries become suggestions under
     * {@code policy}.
     */
    static Library open(DataDirectory data, QueryPolicy policy) {
        return open(data, policy, RebuildSettings.defaults());
    }

    /** {@link #open(DataDirectory, QueryPolicy)} with rebuilds run by {@code settings} (tests: a clock they move). */
    static Library open(DataDirectory data, QueryPolicy policy, RebuildSettings settings) {
        return open(data, policy, true, settings, CommitHook.NONE, () -> {});
    }

    /**
     * {@link #open(DataDirectory, QueryPolicy)} for an indexer: every commit of the index, and every dictionary
     * saved, is published to query replicas by {@code publisher} (docs/replication.md).
     */
    static Library openPublishing(DataDirectory data, QueryPolicy policy, SnapshotPublisher publisher) {
        Library library = open(data, policy, true, RebuildSettings.defaults(), publisher, publisher::publish);
        if (publisher.publish().isEmpty()) {
            // a new index has no commit yet: replicas get an empty one rather than waiting for the first document
            library.index.commit(library.index.commitData());
        }
        return library;
    }

    /** {@link #open(DataDirectory, QueryPolicy)} for one user (tests, local tools), with the data's blocklist. */
    static Library open(DataDirectory data) {
        return open(data, personal(data));
    }

    /**
     * Opens the data directory like {@link #open} but without a suggestion dictionary, for commands
     * that change the index and then {@linkplain #rebuildSuggestions() build one} (crawl, import):
     * loading, or rebuilding, the old one first would be wasted. {@link #suggester()} is null until then.
     */
    static Library openForUpdate(DataDirectory data, QueryPolicy policy) {
        return open(data, policy, false, RebuildSettings.defaults(), CommitHook.NONE, () -> {});
    }

    /** {@link #openForUpdate(DataDirectory, QueryPolicy)} for one user. */
    static Library openForUpdate(DataDirectory data) {
        return openForUpdate(data, personal(data));
    }

    private static QueryPolicy personal(DataDirectory data) {
        return new QueryPolicy(1, Integer.MAX_VALUE, data.suggestBlocklist());
    }

    private static Library open(
            DataDirectory data,
            QueryPolicy policy,
            boolean suggesting,
            RebuildSettings settings,
            CommitHook commits,
            Runnable dictionarySaved) {
        data.create();
        DamagedDataException.requireIndexCommit(data.index());
        SearchIndex index = SearchIndex.open(data.index(), data.analysis(), commits);
        QueryLog log =
                QueryLog.open(data.root().resolve("querylog"), QueryLog.DEFAULT_HALF_LIFE, settings.clock(), policy);
        return new Library(index, log, SavedDictionaries.file(data), suggesting, settings, dictionarySaved);
    }

    /**
     * Runs a user query; first pages are recorded in the query log with their hit count (a query that
     * found nothing is remembered but never suggested).
     */
    SearchResults search(String query, int page, int size) {
        return search(query, page, size, SearchOptions.DEFAULT);
    }

    /** {@link #search(String, int, int)} with options such as explain, by the local user. */
    SearchResults search(String query, int page, int size, SearchOptions options) {
        return search(query, page, size, options, QueryLog.LOCAL_CLIENT);
    }

    /** {@link #search(String, int, int, SearchOptions)} by {@code client} (its address), as the server calls it. */
    SearchResults search(String query, int page, int size, SearchOptions options, String client) {
        SearchResults results = index.search(query, page, size, options);
        if (page == 1) {
            logged.firstPage(query, results, client); // the log never throws nor waits
        }
        return results;
    }

    /** The query log as events from elsewhere reach it (an indexer's replicas, through Redis). */
    QueryEvents queryEvents() {
        return logged;
    }

    /** Records that a user picked a suggestion. */
    void recordPick(String text) {
        logged.pick(text, QueryLog.LOCAL_CLIENT);
    }

    /** Loads the Korean dictionary and exercises the suggest path, so the first user doesn't wait for it. */
    void warmUp() {
        Suggester current = suggester();
        if (current != null) {
            current.suggest("검", 10);
        }
    }

    /**
     * Warms the search path ({@link SearchWarmUp}) with the most searched queries of the log first. The server calls
     * it before it listens, so the first users get warm answers.
     *
     * @return the number of searches run
     */
    int warmUpSearch(int searches, Duration budget) {
        List<String> logged = queryLog.entries().stream()
                .sorted(Comparator.comparingDouble(SuggestEntry::weight).reversed())
                .limit(searches / 2)
                .map(SuggestEntry::text)
                .toList();
        return SearchWarmUp.run(index, logged, searches, budget);
    }

    SearchIndex index() {
        return index;
    }

    /**
     * The current dictionary; callers read it per request so they see rebuilds. Null in a library
     * {@linkplain #openForUpdate opened for an update} until its first rebuild.
     */
    Suggester suggester() {
        return suggester.get();
    }

    /**
     * Imports files and folders, commits with {@code commitData} merged into the index's metadata,
     * and rebuilds suggestions. Unreadable files are reported on {@code log} and skipped, links out of an
     * imported folder and special files reported and refused; nothing already stored is lost.
     *
     * @throws ImportException if a path doesn't exist or isn't a supported file
     */
    ImportSummary importPaths(List<Path> paths, String site, Map<String, String> commitData, PrintWriter log) {
        return importPaths(paths, site, null, commitData, log);
    }

    /**
     * {@link #importPaths(List, String, Map, PrintWriter)} with the files published under {@code baseUrl}
     * (null: none): each document's URL is where its file is published instead of its {@code file:} URL.
     *
     * @throws ImportException also if {@code baseUrl} is not an http(s) URL
     */
    ImportSummary importPaths(
            List<Path> paths, String site, String baseUrl, Map<String, String> commitData, PrintWriter log) {
        ImportSummary summary = imports.read(paths, site, baseUrl, indexer::accept, log);
        Map<String, String> data = new java.util.HashMap<>(index.commitData());
        data.putAll(commitData);
        index.commit(data);
        index.mergeIfSmall();
        indexChanged();
        rebuildSuggestions();
        return summary;
    }

    /**
     * A sink for the crawler: pages go into the index; each checkpoint commits them (so they become
     * searchable and durable) while keeping the index's metadata.
     */
    io.chatda.crawl.CheckpointingSink crawlSink() {
        return new io.chatda.crawl.CheckpointingSink() {
            @Override
            public void accept(SourceDocument document) {
                indexer.accept(document);
            }

            @Override
            public void delete(String url) {
                indexer.delete(url);
            }

            @Override
            public void commit() {
                index.commit(index.commitData());
                indexChanged();
                rebuilds.submit(Library.this::rebuildSuggestions);
            }
        };
    }

    /**
     * Compacts the query log (its file work goes on in the log's writer), then rebuilds the suggestion dictionary
     * from the index and the query log, swaps it in and saves it.
     *
     * @throws RebuildStoppedException if the library is closing
     */
    synchronized void rebuildSuggestions() {
        queryLog.compact(); // a failure to write is logged and counted by the query log
        long changes = logChanges.get();
        String fingerprint = fingerprint();
        CompletionIndex built = builder.build(index, queryLog.entries(), rebuilds.stopping());
        dictionariesBuilt.incrementAndGet();
        swapIn(built, changes);
        if (fingerprint != null) {
            try {
                DictionarySnapshot.save(built, fingerprint, dictionaryFile);
            } catch (IOException | RuntimeException e) {
                log.warn("can't save the suggestion dictionary to {}: {}", dictionaryFile, e.toString());
            }
        }
        dictionarySaved.run();
    }

    /**
     * Swaps in the saved dictionary if it was built from what the index and the query log hold now;
     * false (after one log line saying why) if there is none, it is stale, damaged or of another version.
     */
    private synchronized boolean loadSavedSuggestions() {
        long changes = logChanges.get();
        String fingerprint = fingerprint();
        if (fingerprint == null) {
            return false;
        }
        try {
            long start = System.nanoTime();
            Optional<DictionarySnapshot.Loaded> current = SavedDictionaries.loadIf(dictionaryFile, fingerprint::equals);
            if (current.isEmpty()) {
                log.info("suggestion dictionary {} is out of date; rebuilding it", dictionaryFile);
                return false;
            }
            DictionarySnapshot.Loaded loaded = current.get();
            swapIn(loaded.index(), changes);
            log.info(
                    "loaded the suggestion dictionary ({} entries) from {} in {} ms",
                    loaded.index().size(),
                    dictionaryFile,
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (NoSuchFileException e) {
            log.info("no saved suggestion dictionary at {}; building it", dictionaryFile);
        } catch (IOException | RuntimeException e) {
            log.warn("can't use the saved suggestion dictionary {} ({}); rebuilding it", dictionaryFile, e.toString());
        }
        return false;
    }

    /** What a dictionary built now is built from, or null (logged) if the index's commit can't be read. */
    private String fingerprint() {
        try {
            return SuggestionSources.fingerprint(index, queryLog.stateHash());
        } catch (RuntimeException e) {
            log.warn("can't read the index's last commit ({}); the suggestion dictionary won't be saved", e.toString());
            return null;
        }
    }

    private void swapIn(Suggester dictionary, long logChangesIn) {
        suggester.set(dictionary);
        logChangesBuilt = logChangesIn;
        Instant now = clock.instant();
        generation.updateAndGet(g -> new DataGeneration(g.index(), g.indexUpdated(), g.dictionary() + 1, now));
    }

    /** Registers the query log's damage, write-failure and drop counts, and background failures, in {@code registry}. */
    void bindMetrics(MeterRegistry registry) {
        FunctionCounter.builder("chatda.querylog.damaged.lines", queryLog, QueryLog::damagedLines)
                .description("query log lines skipped at start because they were damaged")
                .register(registry);
        FunctionCounter.builder("chatda.querylog.write.failures", queryLog, QueryLog::failedWrites)
                .description("searches that could not be appended to the query log (a full disk)")
                .register(registry);
        FunctionCounter.builder("chatda.querylog.dropped", queryLog, QueryLog::droppedEvents)
                .description("searches left out of the query log's file because its writer was behind")
                .register(registry);
        failures.bindTo(registry);
    }

    /** Where this library's background work, and the crawl worker beside it, report failures. */
    BackgroundFailures backgroundFailures() {
        return failures;
    }

    /** Dictionaries built (not loaded) since this library was opened. */
    int dictionariesBuilt() {
        return dictionariesBuilt.get();
    }

    /** The served data's generation, bumped after each commit and dictionary swap (keys caches and ETags). */
    DataGeneration generation() {
        return generation.get();
    }

    private void indexChanged() {
        Instant now = clock.instant();
        generation.updateAndGet(g -> new DataGeneration(g.index() + 1, now, g.dictionary(), g.dictionaryUpdated()));
    }

    /**
     * Stops the background rebuilds (waiting for a running one within its deadline), then closes the query log and
     * the index, all of them even if one fails: the first failure is thrown, with the others suppressed.
     */
    @Override
    public void close() {
        try {
            IOUtils.close(rebuilds::close, queryLog::close, index);
        } catch (IOException e) {
            throw new UncheckedIOException("can't close the data directory: " + e.getMessage(), e);
        }
    }
}
