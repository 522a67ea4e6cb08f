package io.chatda.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crawl's durable state in one SQLite file (WAL): the frontier, each URL's fetch status and skip reason,
 * HTTP validators, content hashes, the link graph ({@link Frontier}, {@link FrontierReports}), robots.txt per
 * host ({@link RobotsStore}), the runs and their checkpoint ({@link RunStore}), and a job queue
 * ({@link JobQueue}). Every change is a transaction, so the file survives {@code kill -9} at any moment; the
 * schema is versioned ({@link SchemaMigrations}). Thread-safe: one connection, used under its lock.
 */
public final class CrawlStore implements AutoCloseable {

    private final StoreConnection sql;
    private final Frontier frontier;
    private final FrontierReports reports;
    private final RobotsStore robots;
    private final RunStore runs;
    private final JobQueue jobs;

    private CrawlStore(StoreConnection sql, Clock clock) {
        this.sql = sql;
        this.frontier = new Frontier(sql, clock);
        this.reports = new FrontierReports(sql);
        this.robots = new RobotsStore(sql);
        this.runs = new RunStore(sql, clock);
        this.jobs = new JobQueue(sql, clock);
    }

    /**
     * Opens (creating if needed) the store at this file, e.g. {@code <data>/crawl.db}, bringing its schema to the
     * latest version.
     *
     * @throws CrawlStoreVersionException if a newer chatda wrote the file
     * @throws CrawlStoreException        if the file can't be opened as a crawl store
     */
    public static CrawlStore open(Path file) {
        return open(file, Clock.systemUTC(), SchemaMigrations.CRAWL_STORE);
    }

    /** {@link #open(Path)} with this clock for the times the store records, and these migrations. */
    static CrawlStore open(Path file, Clock clock, SchemaMigrations migrations) {
        Connection c = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA cache_size=-16000");
            }
            migrations.migrate(c, file.toString());
            c.setAutoCommit(false);
            return new CrawlStore(new StoreConnection(c), clock);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(c, e);
            if (e instanceof CrawlStoreException cse) {
                throw cse;
            }
            throw new CrawlStoreException("can't open crawl store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c, Exception failure) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        sql.close();
    }

    // ---------------------------------------------------------------- public reading

    /**
     * The settings of the latest run that recorded them, for {@code --resume}; empty if none did (or they are
     * damaged).
     */
    public Optional<CrawlSettings> lastRunSettings() {
        return runs.lastSettings();
    }

    /** What the store knows about this URL (exactly as normalised by the crawler). */
    public Optional<UrlRecord> url(String url) {
        return reports.url(url);
    }

    /** Every URL the store knows, in discovery order. Meant for tests and small crawls. */
    public List<UrlRecord> urls() {
        return reports.urls();
    }

    /** URLs indexed by the last crawls, in discovery order. */
    public List<String> indexedUrls() {
        return reports.indexedUrls();
    }

    /** Count of URLs per state ({@code QUEUED}, {@code DONE}, ...) and per skip reason ({@code SKIPPED:ROBOTS}). */
    public Map<String, Long> counts() {
        return reports.counts();
    }

    /**
     * The link graph between indexed pages: each indexed URL and the indexed URLs it links to. A link to a
     * redirecting, non-canonical or duplicate URL counts as a link to the page it stands for.
     */
    public Map<String, List<String>> outlinks() {
        return reports.outlinks();
    }

    /** The most recent crawl runs, newest first. */
    public List<CrawlRun> runs(int limit) {
        return runs.runs(limit);
    }

    // ---------------------------------------------------------------- job queue

    /** Adds a job at the end of the queue and returns its id. */
    public long enqueueJob(String payload) {
        return jobs.enqueue(payload);
    }

    /** Takes the oldest queued job and marks it running, or returns empty if none is queued. */
    public Optional<CrawlJob> claimNextJob() {
        return jobs.claimNext();
    }

    /** Records a running job's progress (any text, e.g. a {@link CrawlProgress} rendered by the caller). */
    public void updateJobMessage(long id, String message) {
        jobs.updateMessage(id, message);
    }

    /** Ends a job with this status ({@code DONE}, {@code FAILED} or {@code CANCELLED}) and message. */
    public void finishJob(long id, CrawlJob.Status status, String message) {
        jobs.finish(id, status, message);
    }

    /** Puts jobs left running by a process that died back in the queue; call once at server start. */
    public int requeueInterruptedJobs() {
        return jobs.requeueInterrupted();
    }

    /** One job by id. */
    public Optional<CrawlJob> job(long id) {
        return jobs.job(id);
    }

    /** The most recent jobs, newest first. */
    public List<CrawlJob> jobs(int limit) {
        return jobs.jobs(limit);
    }

    // ---------------------------------------------------------------- crawler internals

    /** A URL taken from the frontier for fetching. */
    record Entry(
            long id,
            String url,
            String host,
            int depth,
            int attempts,
            String etag,
            String lastModified,
            boolean indexed,
            String contentHash) {}

    /** State of a known URL. */
    record Known(long id, UrlRecord.State state, int depth) {}

    /** A host's stored robots.txt. */
    record Robots(int status, byte[] body, long fetchedAt, boolean sitemapsDone) {}

    /** A link target as the crawler classified it; {@code knownId} is 0 for a URL the store hasn't seen. */
    record NewLink(
            String url,
            String host,
            String pathKey,
            int depth,
            String anchor,
            long knownId,
            SkipReason skip,
            String detail) {}

    /**
     * Outcome of a fetch to record; fields not known are null. Made by the factories, which name the cases
     * (indexed, unchanged, not modified, dropped after reading, skipped).
     */
    record Outcome(
            UrlRecord.State state,
            SkipReason reason,
            String detail,
            int httpStatus,
            boolean fetched,
            Boolean indexed,
            String contentHash,
            Long simhash,
            String etag,
            String lastModified,
            String duplicateOf) {

        /** What identifies a fetched page's content: its text's hash and SimHash, and the validators. */
        record Content(String hash, long simhash, String etag, String lastModified) {}

        /** A page read and handed to the index. */
        static Outcome indexed(int httpStatus, Content c) {
            return read(httpStatus, c, null);
        }

        /** An indexed page read again with the same text. */
        static Outcome unchanged(int httpStatus, Content c) {
            return read(httpStatus, c, "unchanged");
        }

        private static Outcome read(int httpStatus, Content c, String detail) {
            return new Outcome(
                    UrlRecord.State.DONE,
                    null,
                    detail,
                    httpStatus,
                    true,
                    true,
                    c.hash(),
                    c.simhash(),
                    c.etag(),
                    c.lastModified(),
                    null);
        }

        /** An indexed page the server says is unchanged (304). */
        static Outcome notModified(int httpStatus) {
            return new Outcome(
                    UrlRecord.State.DONE, null, "not modified", httpStatus, true, null, null, null, null, null, null);
        }

        /** A page read but not indexed (noindex, non-canonical, duplicate); it is out of the index now. */
        static Outcome dropped(SkipReason reason, String detail, String duplicateOf, Content c) {
            return new Outcome(
                    UrlRecord.State.SKIPPED,
                    reason,
                    detail,
                    200,
                    true,
                    false,
                    c.hash(),
                    c.simhash(),
                    c.etag(),
                    c.lastModified(),
                    duplicateOf);
        }

        /** A URL not indexed, whether it was fetched or not; its indexed flag is left as it was. */
        static Outcome skipped(SkipReason reason, String detail, int httpStatus, boolean fetched, String duplicateOf) {
            return new Outcome(
                    UrlRecord.State.SKIPPED,
                    reason,
                    detail,
                    httpStatus,
                    fetched,
                    null,
                    null,
                    null,
                    null,
                    null,
                    duplicateOf);
        }

        /** This outcome, the page having been taken out of the index. */
        Outcome removedFromIndex() {
            return new Outcome(
                    state,
                    reason,
                    detail,
                    httpStatus,
                    fetched,
                    false,
                    contentHash,
                    simhash,
                    etag,
                    lastModified,
                    duplicateOf);
        }
    }

    /** Receives a stored SimHash with its page's URL. */
    interface SimhashConsumer {
        void accept(long simhash, String url);
    }

    /** Records a new run; a run still marked running belonged to a process that died, so it becomes interrupted. */
    long startRun(CrawlConfig config) {
        return runs.start(config);
    }

    void finishRun(long id, CrawlRun.Status status, String summary) {
        runs.finish(id, status, summary);
    }

    /** Forgets the frontier, fetch state and link graph (a new crawl); keeps robots.txt, runs and jobs. */
    void resetFrontier() {
        sql.transaction(() -> {
            frontier.clear();
            runs.clearAllPending();
            robots.forgetSitemaps();
            return null;
        });
    }

    /** Puts URLs whose fetch was interrupted back in the queue. */
    int requeueInFlight() {
        return frontier.requeueInFlight();
    }

    /** Queues every fetched page again for revalidation; per-run counters start from zero. */
    int requeueForRefresh() {
        return sql.transaction(() -> {
            robots.forgetSitemaps();
            return frontier.requeueForRefresh();
        });
    }

    Known known(String url) {
        return frontier.known(url);
    }

    /** The id of a URL the store knows, else 0 ({@link #known} without the state and depth, mostly from memory). */
    long knownId(String url) {
        return frontier.knownId(url);
    }

    /** Adds a URL to the frontier (or records it as skipped) and returns its id. */
    long insert(String url, String host, String pathKey, int depth, SkipReason skip, String detail) {
        return frontier.insert(url, host, pathKey, depth, skip, detail);
    }

    /** Links from a fetched page; each target is queued, skipped or already known (then its priority rises). */
    void addLinks(long src, List<NewLink> links) {
        frontier.addLinks(src, links);
    }

    /** Takes up to {@code limit} queued URLs that may be fetched now, best first, and marks them fetching. */
    List<Entry> claim(int limit, long now) {
        return frontier.claim(limit, now);
    }

    /** Earliest time a queued URL becomes fetchable, or -1 if nothing is queued. */
    long nextNotBefore() {
        return frontier.nextNotBefore();
    }

    long countQueued() {
        return frontier.countQueued();
    }

    /** Page fetches counted against {@code maxPages}: since the last start (or refresh). */
    long countRunFetches() {
        return frontier.countRunFetches();
    }

    long countHostFetches(String host) {
        return frontier.countHostFetches(host);
    }

    int queryVariants(String pathKey) {
        return frontier.queryVariants(pathKey);
    }

    /** The indexed URL with this content hash, other than {@code exceptId}, or null. */
    String indexedWithHash(String hash, long exceptId) {
        return frontier.indexedWithHash(hash, exceptId);
    }

    /** Calls back with (simhash, url) of every indexed page, for rebuilding the near-duplicate index. */
    void forEachSimhash(SimhashConsumer consumer) {
        frontier.forEachSimhash(consumer);
    }

    /**
     * Records a fetch's outcome in one transaction, and with a {@link CheckpointingSink} the delivered
     * document, kept until the sink's next commit.
     */
    void complete(long id, Outcome o, SourceDocument pendingDoc) {
        sql.transaction(() -> {
            frontier.complete(id, o);
            if (pendingDoc != null) {
                runs.keepPending(pendingDoc);
            }
            return null;
        });
    }

    /** Puts a URL back in the queue, not to be fetched before {@code notBefore}; counts a fetch if there was one. */
    void retryLater(long id, long notBefore, boolean fetched, int httpStatus) {
        frontier.retryLater(id, notBefore, fetched, httpStatus);
    }

    /**
     * Claims a redirect target for the fetch under way: returns its id if it was unknown or queued (now
     * fetching), or -1 if it is already fetched, being fetched or skipped.
     */
    long claimRedirectTarget(String url, String host, String pathKey, int depth) {
        return frontier.claimRedirectTarget(url, host, pathKey, depth);
    }

    /** The host's stored robots.txt, or null if it was never fetched. */
    Robots robots(String host) {
        return robots.robots(host);
    }

    void saveRobots(String host, int status, byte[] body, long fetchedAt) {
        robots.save(host, status, body, fetchedAt);
    }

    void markSitemapsDone(String host) {
        robots.markSitemapsDone(host);
    }

    /** Documents delivered to a checkpointing sink since its last commit. */
    List<SourceDocument> pendingDocuments() {
        return runs.pendingDocuments();
    }

    long maxPendingSeq() {
        return runs.maxPendingSeq();
    }

    /** Forgets pending documents up to this sequence number, once the sink has committed them. */
    void clearPending(long upTo) {
        runs.clearPending(upTo);
    }
}
