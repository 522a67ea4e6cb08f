package io.chatda.server;

import io.chatda.crawl.CrawlJob;
import java.time.Instant;

/**
 * A crawl job's state as {@code GET /api/admin/crawl/{id}} answers it.
 *
 * @param message the summary when done, the error when failed, the latest progress while running
 */
public record JobStatus(long id, CrawlJob.Status status, Instant createdAt, Instant startedAt, Instant finishedAt,
                        String message) {

    /** The status of a job from the crawl store's queue (its payload stays private). */
    public static JobStatus of(CrawlJob job) {
        return new JobStatus(job.id(), job.status(), job.createdAt(), job.startedAt(), job.finishedAt(), job.message());
    }
}
