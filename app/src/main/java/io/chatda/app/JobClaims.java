package io.chatda.app;

import io.chatda.crawl.CrawlJob;
import java.util.Optional;

/** Where the crawl worker takes its next job from: the crawl store's queue ({@code CrawlStore::claimNextJob}). */
@FunctionalInterface
interface JobClaims {

    /** The oldest queued job, now marked running, or empty if none is queued. */
    Optional<CrawlJob> claimNext();
}
