package io.chatda.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crawl's durable state in one SQLite file (WAL): the frontier, each URL's fetch status and skip reason,
 * HTTP validators, content hashes, the link graph, robots.txt per host, the runs, and a job queue.
 * Every change is a transaction, so the file survives {@code kill -9} at any moment.
 * Thread-safe: one connection, used under the store's lock.
 */
public final class CrawlStore implements AutoCloseable {

    static final String QUEUED = "QUEUED";
    static final String FETCHING = "FETCHING";
    static final String DONE = "DONE";
    static final String SKIPPED = "SKIPPED";

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS urls(
          id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL, path_key TEXT,
          depth INTEGER NOT NULL, priority INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL,
          reason TEXT, detail TEXT, http_status INTEGER NOT NULL DEFAULT 0,
          fetch_count INTEGER NOT NULL DEFAULT 0, run_fetches INTEGER NOT NULL DEFAULT 0,
          indexed INTEGER NOT NULL DEFAULT 0, content_hash TEXT, simhash INTEGER, etag TEXT,
          last_modified TEXT, duplicate_of TEXT, not_before INTEGER NOT NULL DEFAULT 0,
          attempts INTEGER NOT NULL DEFAULT 0, fetched_at INTEGER)""",
        "CREATE INDEX IF NOT EXISTS urls_frontier ON urls(state, depth, priority, id)",
        "CREATE INDEX IF NOT EXISTS urls_hash ON urls(content_hash) WHERE content_hash IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS urls_path ON urls(path_key) WHERE path_key IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS urls_host ON urls(host, run_fetches)",
        "CREATE TABLE IF NOT EXISTS links(src INTEGER NOT NULL, dst INTEGER NOT NULL, anchor TEXT,"
                + " PRIMARY KEY(src, dst)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS hosts(host TEXT PRIMARY KEY, robots_status INTEGER, robots_body BLOB,"
                + " robots_fetched_at INTEGER, sitemaps_done INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS pending(seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL, doc BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, mode TEXT NOT NULL, seeds TEXT NOT NULL,"
                + " started_at INTEGER NOT NULL, finished_at INTEGER, status TEXT NOT NULL, summary TEXT)",
        "CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, payload TEXT NOT NULL, status TEXT NOT NULL,"
                + " created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER, message TEXT)",
        "CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status, id)",
    };

    private final Connection db;
    /** Statements prepared once and reused (guarded by this store's lock, like {@code db}). */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /**
     * Ids of URLs seen lately, least recently used dropped first: most pages link to the same
     * navigation pages, and each lookup in the table is a query. A row keeps its id until the
     * frontier is reset; a rolled-back write forgets them all.
     */
    private final Map<String, Long> recentIds = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RECENT_IDS;
        }
    };
    private static final int RECENT_IDS = 20_000;
    /** Rows written by one statement when a page's links are stored (shorter batches repeat their last row). */
    private static final int BATCH = 32;
    /**
     * Raises the priority of up to {@link #BATCH} queued URLs by id. NOT INDEXED keeps the lookups by rowid:
     * given a list of ids, SQLite would rather walk every queued URL in the frontier index (a 100,000-page
     * crawl took 2.3× as long).
     */
    static final String RAISE_PRIORITY = "UPDATE urls NOT INDEXED SET priority = priority - 1 WHERE state='QUEUED'"
            + " AND id IN (" + String.join(",", Collections.nCopies(BATCH, "?")) + ")";
    /** Stores up to {@link #BATCH} links of one page (a repeated row is ignored). */
    private static final String INSERT_LINKS = "INSERT OR IGNORE INTO links(src, dst, anchor) VALUES "
            + String.join(",", Collections.nCopies(BATCH, "(?, ?, ?)"));

    private CrawlStore(Connection db) {
        this.db = db;
    }

    /**
     * Opens (creating if needed) the store at this file, e.g. {@code <data>/crawl.db}.
     *
     * @throws CrawlStoreException if the file can't be opened as a crawl store
     */
    public static CrawlStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA cache_size=-16000");
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                addSettingsColumn(s);
            }
            c.setAutoCommit(false);
            return new CrawlStore(c);
        } catch (SQLException | IOException e) {
            throw new CrawlStoreException("can't open crawl store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stores written before runs kept their settings get the column (empty for their runs). */
    private static void addSettingsColumn(Statement s) throws SQLException {
        try (ResultSet columns = s.executeQuery("SELECT 1 FROM pragma_table_info('runs') WHERE name='settings'")) {
            if (columns.next()) {
                return;
            }
        }
        s.execute("ALTER TABLE runs ADD COLUMN settings TEXT");
    }

    /**
     * The settings of the latest run that recorded them, for {@code --resume}; empty if none did (or they are
     * damaged).
     */
    public synchronized Optional<CrawlSettings> lastRunSettings() {
        List<String> latest = query("SELECT settings FROM runs WHERE settings IS NOT NULL ORDER BY id DESC LIMIT 1",
                ps -> { }, rs -> rs.getString(1));
        try {
            return latest.stream().findFirst().map(CrawlSettings::decode);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
            db.close();
        } catch (SQLException e) {
            throw new CrawlStoreException("can't close crawl store", e);
        }
    }

    // ---------------------------------------------------------------- public reading

    /** What the store knows about this URL (exactly as normalised by the crawler). */
    public synchronized Optional<UrlRecord> url(String url) {
        return query("SELECT " + RECORD_COLUMNS + " FROM urls WHERE url=?", ps -> ps.setString(1, url),
                CrawlStore::record).stream().findFirst();
    }

    /** Every URL the store knows, in discovery order. Meant for tests and small crawls. */
    public synchronized List<UrlRecord> urls() {
        return query("SELECT " + RECORD_COLUMNS + " FROM urls ORDER BY id", ps -> { }, CrawlStore::record);
    }

    /** URLs indexed by the last crawls, in discovery order. */
    public synchronized List<String> indexedUrls() {
        return query("SELECT url FROM urls WHERE indexed=1 ORDER BY id", ps -> { }, rs -> rs.getString(1));
    }

    /** Count of URLs per state ({@code QUEUED}, {@code DONE}, ...) and per skip reason ({@code SKIPPED:ROBOTS}). */
    public synchronized Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : query("SELECT state, reason, count(*) FROM urls GROUP BY state, reason ORDER BY 1, 2",
                ps -> { }, rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})) {
            String key = row[1] == null ? (String) row[0] : row[0] + ":" + row[1];
            counts.merge(key, (Long) row[2], Long::sum);
        }
        return counts;
    }

    /**
     * The link graph between indexed pages, for ranking: each indexed URL and the indexed URLs it links to.
     * A link to a redirecting, non-canonical or duplicate URL counts as a link to the page it stands for.
     */
    public synchronized Map<String, List<String>> outlinks() {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (String url : query("SELECT url FROM urls WHERE indexed=1 ORDER BY id", ps -> { }, rs -> rs.getString(1))) {
            graph.put(url, new ArrayList<>());
        }
        String sql = """
                SELECT s.url, COALESCE(d2.url, d.url) FROM links l
                JOIN urls s ON s.id = l.src AND s.indexed = 1
                JOIN urls d ON d.id = l.dst
                LEFT JOIN urls d2 ON d.indexed = 0 AND d2.url = d.duplicate_of AND d2.indexed = 1
                WHERE d.indexed = 1 OR d2.id IS NOT NULL""";
        for (String[] edge : query(sql, ps -> { }, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            List<String> out = graph.get(edge[0]);
            if (out != null && !edge[0].equals(edge[1]) && !out.contains(edge[1])) {
                out.add(edge[1]);
            }
        }
        return graph;
    }

    /** The most recent crawl runs, newest first. */
    public synchronized List<CrawlRun> runs(int limit) {
        return query("SELECT id, mode, seeds, started_at, finished_at, status, summary FROM runs ORDER BY id DESC LIMIT ?",
                ps -> ps.setInt(1, limit),
                rs -> new CrawlRun(rs.getLong(1), CrawlMode.valueOf(rs.getString(2)),
                        rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split("\n")),
                        Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), rs.getString(6),
                        rs.getString(7) == null ? "" : rs.getString(7)));
    }

    // ---------------------------------------------------------------- job queue

    /** Adds a job at the end of the queue and returns its id. */
    public synchronized long enqueueJob(String payload) {
        return update(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO jobs(payload, status, created_at) VALUES(?, 'QUEUED', ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, payload);
                ps.setLong(2, System.currentTimeMillis());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Takes the oldest queued job and marks it running, or returns empty if none is queued. */
    public synchronized Optional<CrawlJob> claimNextJob() {
        return update(() -> {
            Optional<CrawlJob> next = query("SELECT " + JOB_COLUMNS + " FROM jobs WHERE status='QUEUED' ORDER BY id LIMIT 1",
                    ps -> { }, CrawlStore::job).stream().findFirst();
            if (next.isEmpty()) {
                return Optional.<CrawlJob>empty();
            }
            long now = System.currentTimeMillis();
            exec("UPDATE jobs SET status='RUNNING', started_at=? WHERE id=?", now, next.get().id());
            CrawlJob j = next.get();
            return Optional.of(new CrawlJob(j.id(), j.payload(), CrawlJob.Status.RUNNING, j.createdAt(),
                    Instant.ofEpochMilli(now), null, j.message()));
        });
    }

    /** Records a running job's progress (any text, e.g. a {@link CrawlProgress} rendered by the caller). */
    public synchronized void updateJobMessage(long id, String message) {
        update(() -> exec("UPDATE jobs SET message=? WHERE id=?", message, id));
    }

    /** Ends a job with this status ({@code DONE}, {@code FAILED} or {@code CANCELLED}) and message. */
    public synchronized void finishJob(long id, CrawlJob.Status status, String message) {
        update(() -> exec("UPDATE jobs SET status=?, finished_at=?, message=? WHERE id=?",
                status.name(), System.currentTimeMillis(), message, id));
    }

    /** Puts jobs left running by a process that died back in the queue; call once at server start. */
    public synchronized int requeueInterruptedJobs() {
        return update(() -> exec("UPDATE jobs SET status='QUEUED', started_at=NULL WHERE status='RUNNING'"));
    }

    /** One job by id. */
    public synchronized Optional<CrawlJob> job(long id) {
        return query("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id=?", ps -> ps.setLong(1, id), CrawlStore::job)
                .stream().findFirst();
    }

    /** The most recent jobs, newest first. */
    public synchronized List<CrawlJob> jobs(int limit) {
        return query("SELECT " + JOB_COLUMNS + " FROM jobs ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, limit),
                CrawlStore::job);
    }

    // ---------------------------------------------------------------- crawler internals

    /** A URL taken from the frontier for fetching. */
    record Entry(long id, String url, String host, int depth, int attempts, String etag, String lastModified,
                 boolean indexed, String contentHash) {
    }

    /** State of a known URL. */
    record Known(long id, String state, int depth) {
    }

    /** A host's stored robots.txt. */
    record Robots(int status, byte[] body, long fetchedAt, boolean sitemapsDone) {
    }

    /** Records a new run; a run still marked running belonged to a process that died, so it becomes interrupted. */
    synchronized long startRun(CrawlConfig config) {
        return update(() -> {
            exec("UPDATE runs SET status='interrupted' WHERE status='running'");
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO runs(mode, seeds, started_at, status, settings) VALUES(?, ?, ?, 'running', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, config.mode().name());
                ps.setString(2, String.join("\n", config.seeds()));
                ps.setLong(3, System.currentTimeMillis());
                ps.setString(4, CrawlSettings.of(config).encode());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    synchronized void finishRun(long id, String status, String summary) {
        update(() -> exec("UPDATE runs SET finished_at=?, status=?, summary=? WHERE id=?",
                System.currentTimeMillis(), status, summary, id));
    }

    /** Forgets the frontier, fetch state and link graph (a new crawl); keeps robots.txt, runs and jobs. */
    synchronized void resetFrontier() {
        update(() -> {
            exec("DELETE FROM links");
            exec("DELETE FROM urls");
            recentIds.clear();
            exec("DELETE FROM pending");
            exec("UPDATE hosts SET sitemaps_done=0");
            return null;
        });
    }

    /** Puts URLs whose fetch was interrupted back in the queue. */
    synchronized int requeueInFlight() {
        return update(() -> exec("UPDATE urls SET state='QUEUED' WHERE state='FETCHING'"));
    }

    /** Queues every fetched page again for revalidation; per-run counters start from zero. */
    synchronized int requeueForRefresh() {
        return update(() -> {
            exec("UPDATE urls SET run_fetches=0, attempts=0, not_before=0");
            exec("UPDATE hosts SET sitemaps_done=0");
            return exec("UPDATE urls SET state='QUEUED' WHERE fetch_count > 0 OR state='QUEUED'"
                    + " OR reason IN ('SERVER_ERROR', 'TIMEOUT', 'FETCH_ERROR', 'ROBOTS_UNAVAILABLE')");
        });
    }

    synchronized Known known(String url) {
        return query("SELECT id, state, depth FROM urls WHERE url=?", ps -> ps.setString(1, url),
                rs -> new Known(rs.getLong(1), rs.getString(2), rs.getInt(3))).stream().findFirst().orElse(null);
    }

    /** The id of a URL the store knows, else 0 ({@link #known} without the state and depth, mostly from memory). */
    synchronized long knownId(String url) {
        Long id = recentIds.get(url);
        if (id != null) {
            return id;
        }
        Known known = known(url);
        if (known == null) {
            return 0;
        }
        recentIds.put(url, known.id());
        return known.id();
    }

    /** Adds a URL to the frontier (or records it as skipped) and returns its id. */
    synchronized long insert(String url, String host, String pathKey, int depth, SkipReason skip, String detail) {
        return update(() -> insertUrl(url, host, pathKey, depth, skip == null ? QUEUED : SKIPPED,
                skip == null ? null : skip.name(), detail));
    }

    /** Links from a fetched page; each target is queued, skipped or already known (then its priority rises). */
    synchronized void addLinks(long src, List<NewLink> links) {
        update(() -> {
            long[] dst = new long[links.size()];
            List<Long> known = new ArrayList<>();
            for (int i = 0; i < dst.length; i++) {
                NewLink l = links.get(i);
                dst[i] = l.knownId();
                if (dst[i] == 0) {
                    dst[i] = insertUrl(l.url(), l.host(), l.pathKey(), l.depth(),
                            l.skip() == null ? QUEUED : SKIPPED, l.skip() == null ? null : l.skip().name(), l.detail());
                } else {
                    known.add(dst[i]);
                }
            }
            inBatches(prepared(RAISE_PRIORITY), known.size(), 1, (ps, at, i) -> ps.setLong(at, known.get(i)));
            inBatches(prepared(INSERT_LINKS), dst.length, 3, (ps, at, i) -> {
                String anchor = links.get(i).anchor();
                ps.setLong(at, src);
                ps.setLong(at + 1, dst[i]);
                ps.setString(at + 2, anchor.length() > 200 ? anchor.substring(0, 200) : anchor);
            });
            return null;
        });
    }

    /** Binds row {@code row}'s parameters from parameter index {@code at} on. */
    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement statement, int at, int row) throws SQLException;
    }

    /**
     * Runs a statement written for {@link #BATCH} rows of {@code columns} parameters each over rows 0 to
     * {@code count - 1}; a short last batch repeats its last row, which the statements ignore or apply once.
     */
    private static void inBatches(PreparedStatement statement, int count, int columns, RowBinder rows)
            throws SQLException {
        for (int from = 0; from < count; from += BATCH) {
            for (int j = 0; j < BATCH; j++) {
                rows.bind(statement, j * columns + 1, Math.min(from + j, count - 1));
            }
            statement.executeUpdate();
        }
    }

    /** A link target as the crawler classified it; {@code knownId} is 0 for a URL the store hasn't seen. */
    record NewLink(String url, String host, String pathKey, int depth, String anchor, long knownId,
                   SkipReason skip, String detail) {
    }

    private long insertUrl(String url, String host, String pathKey, int depth, String state, String reason,
                           String detail) throws SQLException {
        PreparedStatement ps = prepared(
                "INSERT INTO urls(url, host, path_key, depth, state, reason, detail) VALUES(?,?,?,?,?,?,?)"
                        + " ON CONFLICT(url) DO UPDATE SET priority = priority - 1 RETURNING id");
        ps.setString(1, url);
        ps.setString(2, host);
        ps.setString(3, pathKey);
        ps.setInt(4, depth);
        ps.setString(5, state);
        ps.setString(6, reason);
        ps.setString(7, detail);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            long id = rs.getLong(1);
            recentIds.put(url, id);
            return id;
        }
    }

    /** Takes up to {@code limit} queued URLs that may be fetched now, best first, and marks them fetching. */
    synchronized List<Entry> claim(int limit, long now) {
        return update(() -> {
            List<Entry> out = query("""
                    SELECT id, url, host, depth, attempts, etag, last_modified, indexed, content_hash FROM urls
                    WHERE state='QUEUED' AND not_before <= ? ORDER BY depth, priority, id LIMIT ?""",
                    ps -> { ps.setLong(1, now); ps.setInt(2, limit); },
                    rs -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8) == 1, rs.getString(9)));
            PreparedStatement ps = prepared("UPDATE urls SET state='FETCHING' WHERE id=?");
            for (Entry e : out) {
                ps.setLong(1, e.id());
                ps.addBatch();
            }
            ps.executeBatch();
            return out;
        });
    }

    /** Earliest time a queued URL becomes fetchable, or -1 if nothing is queued. */
    synchronized long nextNotBefore() {
        return query("SELECT min(not_before) FROM urls WHERE state='QUEUED'", ps -> { },
                rs -> rs.getObject(1) == null ? -1L : rs.getLong(1)).get(0);
    }

    synchronized long countQueued() {
        return count("SELECT count(*) FROM urls WHERE state='QUEUED'");
    }

    /** Page fetches counted against {@code maxPages}: since the last start (or refresh). */
    synchronized long countRunFetches() {
        return count("SELECT coalesce(sum(run_fetches), 0) FROM urls");
    }

    synchronized long countHostFetches(String host) {
        return query("SELECT coalesce(sum(run_fetches), 0) FROM urls WHERE host=?", ps -> ps.setString(1, host),
                rs -> rs.getLong(1)).get(0);
    }

    synchronized int queryVariants(String pathKey) {
        return query("SELECT count(*) FROM urls WHERE path_key=?", ps -> ps.setString(1, pathKey),
                rs -> rs.getInt(1)).get(0);
    }

    /** The indexed URL with this content hash, other than {@code exceptId}, or null. */
    synchronized String indexedWithHash(String hash, long exceptId) {
        return query("SELECT url FROM urls WHERE content_hash=? AND indexed=1 AND id<>? LIMIT 1",
                ps -> { ps.setString(1, hash); ps.setLong(2, exceptId); }, rs -> rs.getString(1))
                .stream().findFirst().orElse(null);
    }

    /** Calls back with (id, simhash) of every indexed page, for rebuilding the near-duplicate index. */
    synchronized void forEachSimhash(SimhashConsumer consumer) {
        query("SELECT id, simhash, url FROM urls WHERE indexed=1 AND simhash IS NOT NULL", ps -> { }, rs -> {
            consumer.accept(rs.getLong(2), rs.getString(3));
            return null;
        });
    }

    /** Receives a stored SimHash with its page's URL. */
    interface SimhashConsumer {
        void accept(long simhash, String url);
    }

    /**
     * Outcome of a fetch to record; fields not known are null. Made by the factories, which name the cases
     * (indexed, unchanged, not modified, dropped after reading, skipped).
     */
    record Outcome(String state, SkipReason reason, String detail, int httpStatus, boolean fetched,
                   Boolean indexed, String contentHash, Long simhash, String etag, String lastModified,
                   String duplicateOf) {

        /** What identifies a fetched page's content: its text's hash and SimHash, and the validators. */
        record Content(String hash, long simhash, String etag, String lastModified) {
        }

        /** A page read and handed to the index. */
        static Outcome indexed(int httpStatus, Content c) {
            return new Outcome(DONE, null, null, httpStatus, true, true, c.hash(), c.simhash(), c.etag(),
                    c.lastModified(), null);
        }

        /** An indexed page read again with the same text. */
        static Outcome unchanged(int httpStatus, Content c) {
            return new Outcome(DONE, null, "unchanged", httpStatus, true, true, c.hash(), c.simhash(), c.etag(),
                    c.lastModified(), null);
        }

        /** An indexed page the server says is unchanged (304). */
        static Outcome notModified(int httpStatus) {
            return new Outcome(DONE, null, "not modified", httpStatus, true, null, null, null, null, null, null);
        }

        /** A page read but not indexed (noindex, non-canonical, duplicate); it is out of the index now. */
        static Outcome dropped(SkipReason reason, String detail, String duplicateOf, Content c) {
            return new Outcome(SKIPPED, reason, detail, 200, true, false, c.hash(), c.simhash(), c.etag(),
                    c.lastModified(), duplicateOf);
        }

        /** A URL not indexed, whether it was fetched or not; its indexed flag is left as it was. */
        static Outcome skipped(SkipReason reason, String detail, int httpStatus, boolean fetched,
                               String duplicateOf) {
            return new Outcome(SKIPPED, reason, detail, httpStatus, fetched, null, null, null, null, null,
                    duplicateOf);
        }

        /** This outcome, the page having been taken out of the index. */
        Outcome removedFromIndex() {
            return new Outcome(state, reason, detail, httpStatus, fetched, false, contentHash, simhash, etag,
                    lastModified, duplicateOf);
        }
    }

    /**
     * Records a fetch's outcome in one transaction, and with a {@link CheckpointingSink} the delivered
     * document, kept until the sink's next commit.
     */
    synchronized void complete(long id, Outcome o, SourceDocument pendingDoc) {
        update(() -> {
            PreparedStatement ps = prepared("""
                UPDATE urls SET state=?, reason=?, detail=?, http_status=CASE WHEN ?=0 THEN http_status ELSE ? END,
                  fetch_count=fetch_count+?, run_fetches=run_fetches+?, indexed=coalesce(?, indexed),
                  content_hash=coalesce(?, content_hash), simhash=coalesce(?, simhash), etag=coalesce(?, etag),
                  last_modified=coalesce(?, last_modified), duplicate_of=?, fetched_at=coalesce(?, fetched_at)
                WHERE id=?""");
            int f = o.fetched() ? 1 : 0;
            ps.setString(1, o.state());
            ps.setString(2, o.reason() == null ? null : o.reason().name());
            ps.setString(3, o.detail());
            ps.setInt(4, o.httpStatus());
            ps.setInt(5, o.httpStatus());
            ps.setInt(6, f);
            ps.setInt(7, f);
            if (o.indexed() == null) {
                ps.setNull(8, Types.INTEGER);
            } else {
                ps.setInt(8, o.indexed() ? 1 : 0);
            }
            ps.setString(9, o.contentHash());
            if (o.simhash() == null) {
                ps.setNull(10, Types.INTEGER);
            } else {
                ps.setLong(10, o.simhash());
            }
            ps.setString(11, o.etag());
            ps.setString(12, o.lastModified());
            ps.setString(13, o.duplicateOf());
            if (o.fetched()) {
                ps.setLong(14, System.currentTimeMillis());
            } else {
                ps.setNull(14, Types.INTEGER);
            }
            ps.setLong(15, id);
            ps.executeUpdate();
            if (pendingDoc != null) {
                PreparedStatement pending = prepared("INSERT INTO pending(url, doc) VALUES(?, ?)");
                pending.setString(1, pendingDoc.url());
                pending.setBytes(2, encode(pendingDoc));
                pending.executeUpdate();
            }
            return null;
        });
    }

    /** Puts a URL back in the queue, not to be fetched before {@code notBefore}; counts a fetch if there was one. */
    synchronized void retryLater(long id, long notBefore, boolean fetched, int httpStatus) {
        update(() -> exec("UPDATE urls SET state='QUEUED', not_before=?, attempts=attempts+1,"
                        + " fetch_count=fetch_count+?, run_fetches=run_fetches+?,"
                        + " http_status=CASE WHEN ?=0 THEN http_status ELSE ? END WHERE id=?",
                notBefore, fetched ? 1 : 0, fetched ? 1 : 0, httpStatus, httpStatus, id));
    }

    /**
     * Claims a redirect target for the fetch under way: returns its id if it was unknown or queued (now
     * fetching), or -1 if it is already fetched, being fetched or skipped.
     */
    synchronized long claimRedirectTarget(String url, String host, String pathKey, int depth) {
        return update(() -> {
            Known k = known(url);
            if (k == null) {
                long id = insertUrl(url, host, pathKey, depth, FETCHING, null, null);
                return id;
            }
            if (QUEUED.equals(k.state())) {
                exec("UPDATE urls SET state='FETCHING' WHERE id=?", k.id());
                return k.id();
            }
            return -1L;
        });
    }

    synchronized Robots robots(String host) {
        return query("SELECT robots_status, robots_body, robots_fetched_at, sitemaps_done FROM hosts WHERE host=?",
                ps -> ps.setString(1, host),
                rs -> new Robots(rs.getInt(1), rs.getBytes(2), rs.getLong(3), rs.getInt(4) == 1))
                .stream().findFirst().orElse(null);
    }

    synchronized void saveRobots(String host, int status, byte[] body, long fetchedAt) {
        update(() -> exec("INSERT INTO hosts(host, robots_status, robots_body, robots_fetched_at) VALUES(?,?,?,?)"
                        + " ON CONFLICT(host) DO UPDATE SET robots_status=excluded.robots_status,"
                        + " robots_body=excluded.robots_body, robots_fetched_at=excluded.robots_fetched_at",
                host, status, body, fetchedAt));
    }

    synchronized void markSitemapsDone(String host) {
        update(() -> exec("UPDATE hosts SET sitemaps_done=1 WHERE host=?", host));
    }

    /** Documents delivered to a checkpointing sink since its last commit. */
    synchronized List<SourceDocument> pendingDocuments() {
        return query("SELECT doc FROM pending ORDER BY seq", ps -> { }, rs -> decode(rs.getBytes(1)));
    }

    synchronized long maxPendingSeq() {
        return count("SELECT coalesce(max(seq), 0) FROM pending");
    }

    /** Forgets pending documents up to this sequence number, once the sink has committed them. */
    synchronized void clearPending(long upTo) {
        update(() -> exec("DELETE FROM pending WHERE seq <= ?", upTo));
    }

    // ---------------------------------------------------------------- plumbing

    private static final String RECORD_COLUMNS =
            "url, depth, state, reason, detail, http_status, fetch_count, indexed, duplicate_of";
    private static final String JOB_COLUMNS = "id, payload, status, created_at, started_at, finished_at, message";

    private static UrlRecord record(ResultSet rs) throws SQLException {
        String reason = rs.getString(4);
        return new UrlRecord(rs.getString(1), rs.getInt(2), rs.getString(3),
                reason == null ? null : SkipReason.valueOf(reason), rs.getString(5), rs.getInt(6), rs.getInt(7),
                rs.getInt(8) == 1, rs.getString(9));
    }

    private static CrawlJob job(ResultSet rs) throws SQLException {
        return new CrawlJob(rs.getLong(1), rs.getString(2), CrawlJob.Status.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), instant(rs, 6), rs.getString(7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** The statement for {@code sql}, prepared on first use; callers don't close it. */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = db.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try {
            PreparedStatement ps = prepared(sql);
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CrawlStoreException("crawl store query failed: " + e.getMessage(), e);
        }
    }

    private long count(String sql) {
        return query(sql, ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    private int exec(String sql, Object... args) throws SQLException {
        PreparedStatement ps = prepared(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps.executeUpdate();
    }

    private <T> T update(Work<T> work) {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            recentIds.clear(); // ids of rows the rollback removes
            try {
                db.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof CrawlStoreException cse) {
                throw cse;
            }
            throw new CrawlStoreException("crawl store update failed: " + e.getMessage(), e);
        }
    }

    static byte[] encode(SourceDocument d) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            for (String s : new String[] {d.url(), d.title(), d.body(), d.language(), d.site()}) {
                writeString(out, s);
            }
            out.writeInt(d.headings().size());
            for (String h : d.headings()) {
                writeString(out, h);
            }
            out.writeInt(d.links().size());
            for (SourceDocument.Link l : d.links()) {
                writeString(out, l.url());
                writeString(out, l.anchorText());
            }
            writeString(out, d.html());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceDocument decode(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            String url = readString(in);
            String title = readString(in);
            String body = readString(in);
            String language = readString(in);
            String site = readString(in);
            List<String> headings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                headings.add(readString(in));
            }
            List<SourceDocument.Link> links = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                links.add(new SourceDocument.Link(readString(in), readString(in)));
            }
            // documents stored before the view existed end here
            String html = in.available() > 0 ? readString(in) : "";
            return new SourceDocument(url, title, headings, body, links, language, site, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

}
