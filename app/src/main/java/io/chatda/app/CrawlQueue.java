package io.chatda.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatda.crawl.CrawlJob;
import io.chatda.crawl.CrawlMode;
import io.chatda.crawl.CrawlStore;
import io.chatda.server.CrawlJobs;
import io.chatda.server.CrawlRequest;
import io.chatda.server.JobId;
import io.chatda.server.JobStatus;
import java.util.List;
import java.util.Optional;

/**
 * The admin API's crawl queue, kept durably in the crawl store: a submitted job waits there (and
 * survives restarts) until the {@link CrawlWorker} runs it.
 */
final class CrawlQueue implements CrawlJobs {

    /** What a queued job stores as its payload. */
    record Payload(List<String> seeds, CrawlMode mode, int maxPages, int maxDepth) {}

    private final CrawlStore store;
    private final ObjectMapper json = new ObjectMapper();
    private final Runnable wakeWorker;

    CrawlQueue(CrawlStore store, Runnable wakeWorker) {
        this.store = store;
        this.wakeWorker = wakeWorker;
    }

    @Override
    public JobId submit(CrawlRequest request) {
        Payload payload = new Payload(request.seeds(), mode(request.mode()), request.maxPages(), request.maxDepth());
        long id;
        try {
            id = store.enqueueJob(json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("crawl job payload can't be written", e);
        }
        wakeWorker.run();
        return new JobId(id);
    }

    @Override
    public Optional<JobStatus> status(long id) {
        return store.job(id).map(CrawlQueue::status);
    }

    private static CrawlMode mode(CrawlRequest.Mode mode) {
        return switch (mode) {
            case START -> CrawlMode.START;
            case RESUME -> CrawlMode.RESUME;
            case REFRESH -> CrawlMode.REFRESH;
        };
    }

    /** The status of a job from the crawl store's queue (its payload stays private). */
    private static JobStatus status(CrawlJob job) {
        JobStatus.State state = switch (job.status()) {
            case QUEUED -> JobStatus.State.QUEUED;
            case RUNNING -> JobStatus.State.RUNNING;
            case DONE -> JobStatus.State.DONE;
            case FAILED -> JobStatus.State.FAILED;
            case CANCELLED -> JobStatus.State.CANCELLED;
        };
        return new JobStatus(job.id(), state, job.createdAt(), job.startedAt(), job.finishedAt(), job.message());
    }

    Payload payload(String stored) {
        try {
            return json.readValue(stored, Payload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable crawl job payload: " + stored, e);
        }
    }
}
