package io.chatda.crawl;

import java.time.Instant;

/**
 * A crawl job in the store's durable queue. The payload is whatever the caller enqueued (the server stores
 * its crawl request there, e.g. as JSON); the store doesn't look inside.
 *
 * @param message free text: the summary when done, the error when failed, the latest progress while running
 */
public record CrawlJob(
        long id,
        String payload,
        Status status,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String message,
        int attempts) {

    /** Whether an earlier claim of this job was cut short (its process died): it resumes rather than restarts. */
    public boolean interrupted() {
        return attempts > 1;
    }

    /** Where a job is in its life. */
    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }
}
