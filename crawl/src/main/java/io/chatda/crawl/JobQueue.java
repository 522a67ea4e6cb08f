package io.chatda.crawl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of crawl jobs in the {@code jobs} table, first in first out: the server enqueues a crawl
 * request and its worker claims, updates and finishes it; jobs a dead process left running are queued again.
 */
final class JobQueue {

    private static final String JOB_COLUMNS =
            "id, payload, status, created_at, started_at, finished_at, message, attempts";

    private final StoreConnection sql;
    private final Clock clock;

    JobQueue(StoreConnection sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    long enqueue(String payload) {
        return sql.transaction(() -> sql.insert(
                "INSERT INTO jobs(payload, status, created_at) VALUES(?, 'QUEUED', ?)", payload, clock.millis()));
    }

    Optional<CrawlJob> claimNext() {
        return sql.transaction(() -> {
            Optional<CrawlJob> next = sql
                    .query(
                            "SELECT " + JOB_COLUMNS + " FROM jobs WHERE status='QUEUED' ORDER BY id LIMIT 1",
                            ps -> {},
                            JobQueue::job)
                    .stream()
                    .findFirst();
            if (next.isEmpty()) {
                return Optional.<CrawlJob>empty();
            }
            long now = clock.millis();
            sql.exec(
                    "UPDATE jobs SET status='RUNNING', started_at=?, attempts=attempts+1 WHERE id=?",
                    now,
                    next.get().id());
            CrawlJob j = next.get();
            return Optional.of(new CrawlJob(
                    j.id(),
                    j.payload(),
                    CrawlJob.Status.RUNNING,
                    j.createdAt(),
                    Instant.ofEpochMilli(now),
                    null,
                    j.message(),
                    j.attempts() + 1));
        });
    }

    void updateMessage(long id, String message) {
        sql.transaction(() -> sql.exec("UPDATE jobs SET message=? WHERE id=?", message, id));
    }

    void finish(long id, CrawlJob.Status status, String message) {
        sql.transaction(() -> sql.exec(
                "UPDATE jobs SET status=?, finished_at=?, message=? WHERE id=?",
                status.name(),
                clock.millis(),
                message,
                id));
    }

    int requeueInterrupted() {
        return sql.transaction(
                () -> sql.exec("UPDATE jobs SET status='QUEUED', started_at=NULL WHERE status='RUNNING'"));
    }

    Optional<CrawlJob> job(long id) {
        return sql
                .query("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id=?", ps -> ps.setLong(1, id), JobQueue::job)
                .stream()
                .findFirst();
    }

    /** The most recent jobs, newest first. */
    List<CrawlJob> jobs(int limit) {
        return sql.query(
                "SELECT " + JOB_COLUMNS + " FROM jobs ORDER BY id DESC LIMIT ?",
                ps -> ps.setInt(1, limit),
                JobQueue::job);
    }

    private static CrawlJob job(ResultSet rs) throws SQLException {
        return new CrawlJob(
                rs.getLong(1),
                rs.getString(2),
                CrawlJob.Status.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                StoreConnection.instant(rs, 5),
                StoreConnection.instant(rs, 6),
                rs.getString(7),
                rs.getInt(8));
    }
}
