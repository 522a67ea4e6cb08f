package io.chatda.crawl;

import io.chatda.crawl.CrawlStore.Entry;
import io.chatda.crawl.CrawlStore.Known;
import io.chatda.crawl.CrawlStore.NewLink;
import io.chatda.crawl.CrawlStore.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The crawl frontier in the {@code urls} and {@code links} tables: every URL the crawl has seen, its fetch
 * state, skip reason, HTTP validators and content hashes, and the links between pages. Reports on them are
 * {@link FrontierReports}'.
 */
final class Frontier {

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

    private final StoreConnection sql;
    private final Clock clock;
    /**
     * Ids of URLs seen lately, least recently used dropped first: most pages link to the same
     * navigation pages, and each lookup in the table is a query. A row keeps its id until the
     * frontier is reset; a rolled-back write forgets them all. Guarded by the connection's lock.
     */
    private final Map<String, Long> recentIds = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RECENT_IDS;
        }
    };

    Frontier(StoreConnection sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
        sql.onRollback(recentIds::clear); // ids of rows the rollback removes
    }

    /** Forgets every URL and link. */
    void clear() {
        sql.transaction(() -> {
            sql.exec("DELETE FROM links");
            sql.exec("DELETE FROM urls");
            recentIds.clear();
            return null;
        });
    }

    /** Puts URLs whose fetch was interrupted back in the queue. */
    int requeueInFlight() {
        return sql.transaction(() -> sql.exec("UPDATE urls SET state='QUEUED' WHERE state='FETCHING'"));
    }

    /** Queues every fetched page again for revalidation; per-run counters start from zero. */
    int requeueForRefresh() {
        return sql.transaction(() -> {
            sql.exec("UPDATE urls SET run_fetches=0, attempts=0, not_before=0");
            return sql.exec("UPDATE urls SET state='QUEUED' WHERE fetch_count > 0 OR state='QUEUED'"
                    + " OR reason IN ('SERVER_ERROR', 'TIMEOUT', 'FETCH_ERROR', 'ROBOTS_UNAVAILABLE')");
        });
    }

    Known known(String url) {
        return sql
                .query(
                        "SELECT id, state, depth FROM urls WHERE url=?",
                        ps -> ps.setString(1, url),
                        rs -> new Known(rs.getLong(1), UrlRecord.State.valueOf(rs.getString(2)), rs.getInt(3)))
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** The id of a URL the store knows, else 0 ({@link #known} without the state and depth, mostly from memory). */
    long knownId(String url) {
        return sql.locked(() -> {
            Long id = recentIds.get(url);
            if (id != null) {
                return id;
            }
            Known known = known(url);
            if (known == null) {
                return 0L;
            }
            recentIds.put(url, known.id());
            return known.id();
        });
    }

    /** Adds a URL to the frontier (or records it as skipped) and returns its id. */
    long insert(String url, String host, String pathKey, int depth, SkipReason skip, String detail) {
        return sql.transaction(() -> insertUrl(
                url,
                host,
                pathKey,
                depth,
                skip == null ? UrlRecord.State.QUEUED : UrlRecord.State.SKIPPED,
                skip == null ? null : skip.name(),
                detail));
    }

    /** Links from a fetched page; each target is queued, skipped or already known (then its priority rises). */
    void addLinks(long src, List<NewLink> links) {
        sql.transaction(() -> {
            long[] dst = new long[links.size()];
            List<Long> known = new ArrayList<>();
            for (int i = 0; i < dst.length; i++) {
                NewLink l = links.get(i);
                dst[i] = l.knownId();
                if (dst[i] == 0) {
                    dst[i] = insertUrl(
                            l.url(),
                            l.host(),
                            l.pathKey(),
                            l.depth(),
                            l.skip() == null ? UrlRecord.State.QUEUED : UrlRecord.State.SKIPPED,
                            l.skip() == null ? null : l.skip().name(),
                            l.detail());
                } else {
                    known.add(dst[i]);
                }
            }
            inBatches(sql.prepared(RAISE_PRIORITY), known.size(), 1, (ps, at, i) -> ps.setLong(at, known.get(i)));
            inBatches(sql.prepared(INSERT_LINKS), dst.length, 3, (ps, at, i) -> {
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

    private long insertUrl(
            String url, String host, String pathKey, int depth, UrlRecord.State state, String reason, String detail)
            throws SQLException {
        PreparedStatement ps =
                sql.prepared("INSERT INTO urls(url, host, path_key, depth, state, reason, detail) VALUES(?,?,?,?,?,?,?)"
                        + " ON CONFLICT(url) DO UPDATE SET priority = priority - 1 RETURNING id");
        ps.setString(1, url);
        ps.setString(2, host);
        ps.setString(3, pathKey);
        ps.setInt(4, depth);
        ps.setString(5, state.name());
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
    List<Entry> claim(int limit, long now) {
        return sql.transaction(() -> {
            List<Entry> out = sql.query(
                    """
                    SELECT id, url, host, depth, attempts, etag, last_modified, indexed, content_hash FROM urls
                    WHERE state='QUEUED' AND not_before <= ? ORDER BY depth, priority, id LIMIT ?""",
                    ps -> {
                        ps.setLong(1, now);
                        ps.setInt(2, limit);
                    },
                    rs -> new Entry(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getInt(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getInt(8) == 1,
                            rs.getString(9)));
            PreparedStatement ps = sql.prepared("UPDATE urls SET state='FETCHING' WHERE id=?");
            for (Entry e : out) {
                ps.setLong(1, e.id());
                ps.addBatch();
            }
            ps.executeBatch();
            return out;
        });
    }

    /** Earliest time a queued URL becomes fetchable, or -1 if nothing is queued. */
    long nextNotBefore() {
        return sql.query(
                        "SELECT min(not_before) FROM urls WHERE state='QUEUED'",
                        ps -> {},
                        rs -> rs.getObject(1) == null ? -1L : rs.getLong(1))
                .get(0);
    }

    long countQueued() {
        return sql.count("SELECT count(*) FROM urls WHERE state='QUEUED'");
    }

    /** Page fetches counted against {@code maxPages}: since the last start (or refresh). */
    long countRunFetches() {
        return sql.count("SELECT coalesce(sum(run_fetches), 0) FROM urls");
    }

    long countHostFetches(String host) {
        return sql.query(
                        "SELECT coalesce(sum(run_fetches), 0) FROM urls WHERE host=?",
                        ps -> ps.setString(1, host),
                        rs -> rs.getLong(1))
                .get(0);
    }

    int queryVariants(String pathKey) {
        return sql.query(
                        "SELECT count(*) FROM urls WHERE path_key=?",
                        ps -> ps.setString(1, pathKey),
                        rs -> rs.getInt(1))
                .get(0);
    }

    /** The indexed URL with this content hash, other than {@code exceptId}, or null. */
    String indexedWithHash(String hash, long exceptId) {
        return sql
                .query(
                        "SELECT url FROM urls WHERE content_hash=? AND indexed=1 AND id<>? LIMIT 1",
                        ps -> {
                            ps.setString(1, hash);
                            ps.setLong(2, exceptId);
                        },
                        rs -> rs.getString(1))
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Calls back with (simhash, url) of every indexed page, for rebuilding the near-duplicate index. */
    void forEachSimhash(CrawlStore.SimhashConsumer consumer) {
        sql.query("SELECT id, simhash, url FROM urls WHERE indexed=1 AND simhash IS NOT NULL", ps -> {}, rs -> {
            consumer.accept(rs.getLong(2), rs.getString(3));
            return null;
        });
    }

    /** Records a fetch's outcome (in the caller's transaction, if one is under way). */
    void complete(long id, Outcome o) {
        sql.transaction(() -> {
            PreparedStatement ps = sql.prepared("""
                UPDATE urls SET state=?, reason=?, detail=?, http_status=CASE WHEN ?=0 THEN http_status ELSE ? END,
                  fetch_count=fetch_count+?, run_fetches=run_fetches+?, indexed=coalesce(?, indexed),
                  content_hash=coalesce(?, content_hash), simhash=coalesce(?, simhash), etag=coalesce(?, etag),
                  last_modified=coalesce(?, last_modified), duplicate_of=?, fetched_at=coalesce(?, fetched_at)
                WHERE id=?""");
            int f = o.fetched() ? 1 : 0;
            ps.setString(1, o.state().name());
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
                ps.setLong(14, clock.millis());
            } else {
                ps.setNull(14, Types.INTEGER);
            }
            ps.setLong(15, id);
            ps.executeUpdate();
            return null;
        });
    }

    /** Puts a URL back in the queue, not to be fetched before {@code notBefore}; counts a fetch if there was one. */
    void retryLater(long id, long notBefore, boolean fetched, int httpStatus) {
        sql.transaction(() -> sql.exec(
                "UPDATE urls SET state='QUEUED', not_before=?, attempts=attempts+1,"
                        + " fetch_count=fetch_count+?, run_fetches=run_fetches+?,"
                        + " http_status=CASE WHEN ?=0 THEN http_status ELSE ? END WHERE id=?",
                notBefore,
                fetched ? 1 : 0,
                fetched ? 1 : 0,
                httpStatus,
                httpStatus,
                id));
    }

    /**
     * Claims a redirect target for the fetch under way: returns its id if it was unknown or queued (now
     * fetching), or -1 if it is already fetched, being fetched or skipped.
     */
    long claimRedirectTarget(String url, String host, String pathKey, int depth) {
        return sql.transaction(() -> {
            Known k = known(url);
            if (k == null) {
                return insertUrl(url, host, pathKey, depth, UrlRecord.State.FETCHING, null, null);
            }
            if (k.state() == UrlRecord.State.QUEUED) {
                sql.exec("UPDATE urls SET state='FETCHING' WHERE id=?", k.id());
                return k.id();
            }
            return -1L;
        });
    }
}
