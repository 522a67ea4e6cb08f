package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.chatda.crawl.CrawlJob;
import io.chatda.crawl.CrawlStore;
import io.chatda.crawl.CrawlStoreException;
import io.chatda.server.ChatdaServer;
import io.chatda.server.CrawlRequest;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl worker survives store errors, keeps a stop until its job ends, and says when it has died. */
class CrawlWorkerTest {

    private static final Backoff FAST = new Backoff(Duration.ofMillis(1), Duration.ofMillis(4));

    @TempDir
    Path dir;

    private TestSite site;
    private Library library;
    private CrawlStore store;

    @BeforeEach
    void open() throws Exception {
        site = TestSite.start("세마포어 안내", "세마포어는 카운터로 접근을 제한한다.");
        DataDirectory data = new DataDirectory(dir).create();
        library = Library.open(data);
        store = CrawlStore.open(data.crawlStore());
    }

    @AfterEach
    void close() {
        store.close();
        library.close();
        site.close();
    }

    private long submit(CrawlWorker worker) {
        return worker.queue()
                .submit(new CrawlRequest(List.of(site.url()), CrawlRequest.Mode.START, 10, 2))
                .id();
    }

    private CrawlJob.Status status(long job) {
        return store.job(job).orElseThrow().status();
    }

    private long failures() {
        return library.backgroundFailures().count(BackgroundFailures.Task.CRAWL_WORKER);
    }

    @Test
    void aStoreErrorOnClaimIsLoggedCountedAndTheNextJobRuns() {
        AtomicInteger claims = new AtomicInteger();
        JobClaims lockedTwice = () -> {
            if (claims.incrementAndGet() <= 2) {
                throw new CrawlStoreException(
                        "crawl store query failed: database is locked", new SQLException("SQLITE_BUSY"));
            }
            return store.claimNextJob();
        };
        try (LogCapture log = new LogCapture(BackgroundFailures.class);
                CrawlWorker worker = new CrawlWorker(store, library, true, lockedTwice, FAST)) {
            long job = submit(worker);
            worker.start();

            Await.until("the job ran", () -> status(job) == CrawlJob.Status.DONE);
            assertThat(failures()).isEqualTo(2);
            assertThat(log.events())
                    .filteredOn(e -> e.getLevel() == Level.ERROR)
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.getThrowableProxy().getClassName())
                            .isEqualTo(CrawlStoreException.class.getName()));
            assertThat(worker.readiness().notReadyBecause()).isEmpty();
        }
    }

    @Test
    void aStopBetweenClaimAndStartIsKeptUntilTheJobEnds() {
        AtomicReference<CrawlWorker> worker = new AtomicReference<>();
        JobClaims claimThenStop = () -> {
            Optional<CrawlJob> claimed = store.claimNextJob();
            claimed.ifPresent(j -> assertThat(worker.get().stop(j.id())).isTrue());
            return claimed;
        };
        try (CrawlWorker w = new CrawlWorker(store, library, true, claimThenStop, FAST)) {
            worker.set(w);
            long job = submit(w);
            w.start();

            Await.until(
                    "the job ended",
                    () -> status(job) != CrawlJob.Status.QUEUED && status(job) != CrawlJob.Status.RUNNING);
            assertThat(status(job)).isEqualTo(CrawlJob.Status.CANCELLED);
            assertThat(site.requests()).as("the crawl never started").isZero();
            assertThat(w.stop(job)).as("an ended job has nothing to stop").isFalse();
        }
    }

    @Test
    void aStopForAQueuedJobStopsItWhenItsTurnComes() {
        try (CrawlWorker worker = new CrawlWorker(store, library, true)) {
            long job = submit(worker);
            assertThat(worker.stop(job)).isTrue();
            assertThat(worker.stop(job + 1)).as("no such job").isFalse();
            worker.start();

            Await.until("the job ended", () -> status(job) == CrawlJob.Status.CANCELLED);
            assertThat(site.requests()).isZero();
        }
    }

    @Test
    void aWorkerThatDiedMakesTheServerNotReadyWithTheReason() {
        JobClaims outOfMemory = () -> {
            throw new OutOfMemoryError("Java heap space (a test's)");
        };
        try (CrawlWorker worker = new CrawlWorker(store, library, true, outOfMemory, FAST)) {
            ServedData data = new ServedData(library::search, library::suggester, library::generation, worker.queue())
                    .withReadiness(worker.readiness());
            ChatdaServer server = new ChatdaServer(ServerSettings.onPort(0), data);
            server.start();
            try {
                WebClient client = WebClient.of("h2c://127.0.0.1:" + server.port());
                assertThat(client.get("/ready").aggregate().join().status().code())
                        .isEqualTo(200);

                worker.start();
                Await.until(
                        "the worker thread ended",
                        () -> worker.readiness().notReadyBecause().isPresent());

                AggregatedHttpResponse ready = client.get("/ready").aggregate().join();
                assertThat(ready.status().code()).isEqualTo(503);
                assertThat(ready.contentUtf8()).contains("crawl worker");
                assertThat(failures())
                        .as("logged and counted, not only printed")
                        .isEqualTo(1);
            } finally {
                server.close();
            }
        }
    }
}
