package io.chatda.server;

import java.util.Optional;

/**
 * The durable crawl job queue as the admin routes see it. Submitting only records the job; a worker
 * outside the request path runs it. Implementations may block (SQLite): the server calls them off the
 * event loop.
 */
public interface CrawlJobs {

    /** Queues a crawl and returns its id. */
    JobId submit(CrawlRequest request);

    /** The job's current state, or empty if there is no such job. */
    Optional<JobStatus> status(long id);
}
