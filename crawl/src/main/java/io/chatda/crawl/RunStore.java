package io.chatda.crawl;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The crawl runs ({@code runs} table: mode, seeds, settings for {@code --resume}, status, summary) and their
 * checkpoint: the documents a {@link CheckpointingSink} accepted since its last commit ({@code pending} table),
 * handed to it again when a killed crawl is resumed.
 */
final class RunStore {

    private final StoreConnection sql;
    private final Clock clock;

    RunStore(StoreConnection sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Records a new run; a run still marked running belonged to a process that died, so it becomes interrupted. */
    long start(CrawlConfig config) {
        return sql.transaction(() -> {
            sql.exec("UPDATE runs SET status='interrupted' WHERE status='running'");
            return sql.insert(
                    "INSERT INTO runs(mode, seeds, started_at, status, settings) VALUES(?, ?, ?, 'running', ?)",
                    config.mode().name(),
                    String.join("\n", config.seeds()),
                    clock.millis(),
                    CrawlSettings.of(config).encode());
        });
    }

    void finish(long id, CrawlRun.Status status, String summary) {
        sql.transaction(() -> sql.exec(
                "UPDATE runs SET finished_at=?, status=?, summary=? WHERE id=?",
                clock.millis(),
                status.label(),
                summary,
                id));
    }

    /** The most recent runs, newest first. */
    List<CrawlRun> runs(int limit) {
        return sql.query(
                "SELECT id, mode, seeds, started_at, finished_at, status, summary FROM runs ORDER BY id DESC"
                        + " LIMIT ?",
                ps -> ps.setInt(1, limit),
                rs -> new CrawlRun(
                        rs.getLong(1),
                        CrawlMode.valueOf(rs.getString(2)),
                        rs.getString(3).isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString(3).split("\n")),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        StoreConnection.instant(rs, 5),
                        CrawlRun.Status.ofLabel(rs.getString(6)),
                        rs.getString(7) == null ? "" : rs.getString(7)));
    }

    /** The settings of the latest run that recorded them; empty if none did (or they are damaged). */
    Optional<CrawlSettings> lastSettings() {
        List<String> latest = sql.query(
                "SELECT settings FROM runs WHERE settings IS NOT NULL ORDER BY id DESC LIMIT 1",
                ps -> {},
                rs -> rs.getString(1));
        try {
            return latest.stream().findFirst().map(CrawlSettings::decode);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Keeps a document delivered to a checkpointing sink until its next commit. */
    void keepPending(SourceDocument doc) {
        sql.transaction(
                () -> sql.exec("INSERT INTO pending(url, doc) VALUES(?, ?)", doc.url(), DocumentCodec.encode(doc)));
    }

    /** Documents delivered to a checkpointing sink since its last commit. */
    List<SourceDocument> pendingDocuments() {
        return sql.query("SELECT doc FROM pending ORDER BY seq", ps -> {}, rs -> DocumentCodec.decode(rs.getBytes(1)));
    }

    long maxPendingSeq() {
        return sql.count("SELECT coalesce(max(seq), 0) FROM pending");
    }

    /** Forgets pending documents up to this sequence number, once the sink has committed them. */
    void clearPending(long upTo) {
        sql.transaction(() -> sql.exec("DELETE FROM pending WHERE seq <= ?", upTo));
    }

    /** Forgets every pending document (a new crawl). */
    void clearAllPending() {
        sql.transaction(() -> sql.exec("DELETE FROM pending"));
    }
}
