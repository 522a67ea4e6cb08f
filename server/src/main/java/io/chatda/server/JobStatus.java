package io.chatda.server;

import java.time.Instant;

/**
 * A crawl job's state as {@code GET /api/admin/crawl/{id}} answers it.
 *
 * @param message the summary when done, the error when failed, the latest progress while running
 */
public record JobStatus(
        long id, State state, Instant createdAt, Instant startedAt, Instant finishedAt, String message) {

    /** Where a job is in its life; the app maps the crawl store's states to these. */
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }
}
