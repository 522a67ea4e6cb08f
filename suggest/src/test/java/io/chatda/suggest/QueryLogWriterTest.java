package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import io.chatda.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query log's one background writer: a search never waits for the disk, and the files stay bounded. */
class QueryLogWriterTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-01-01T00:00:00Z"));

    private static QueryLog.EventsOpener appending() {
        return file -> Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private QueryLog open(QueryLog.Storage storage) {
        return QueryLog.open(dir, QueryLog.DEFAULT_HALF_LIFE, clock, QueryPolicy.personal(), storage);
    }

    @Test
    void aFullQueueDropsAndCountsEventsWithoutBlockingTheCaller() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch diskBack = new CountDownLatch(1);
        QueryLog.EventsOpener slowDisk = file -> {
            writing.countDown();
            try {
                diskBack.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return appending().open(file);
        };
        try (QueryLog log = open(new QueryLog.Storage(slowDisk, QueryLog.MAX_QUERIES, 4))) {
            log.recordSearch("q0", 1);
            assertThat(writing.await(10, TimeUnit.SECONDS))
                    .as("the writer holds the first line")
                    .isTrue();
            for (int i = 1; i <= 7; i++) {
                log.recordSearch("q" + i, 1); // returns at once although the disk hangs
            }
            assertThat(log.droppedEvents()).as("4 wait, 3 dropped").isEqualTo(3);
            assertThat(log.count("q7"))
                    .as("dropped from the file, still counted")
                    .isCloseTo(1.0, within(1e-9));
            diskBack.countDown();
            log.flushed().join();
            assertThat(Files.readAllLines(dir.resolve("events.log"))).hasSize(5);
            assertThat(log.failedWrites()).isZero();
        }
    }

    @Test
    void aWriteThatFailsNeverFailsTheRecordAndIsCounted() throws Exception {
        QueryLog.EventsOpener broken = file -> {
            throw new java.io.IOException("disk gone");
        };
        try (QueryLog log = open(new QueryLog.Storage(broken, QueryLog.MAX_QUERIES, 100))) {
            assertThatCode(() -> log.recordSearch("raft", 3)).doesNotThrowAnyException();
            log.flushed().join();
            assertThat(log.failedWrites()).isEqualTo(1);
            assertThat(log.count("raft")).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void compactionWhileInUseBoundsTheFilesAndMemoryAndKeepsLaterEvents() throws Exception {
        try (QueryLog log = open(new QueryLog.Storage(appending(), 3, 100))) {
            for (int i = 1; i <= 6; i++) {
                for (int n = 0; n < i; n++) {
                    log.recordSearch("query " + i, 1);
                }
            }
            log.flushed().join();
            assertThat(Files.readAllLines(dir.resolve("events.log"))).hasSize(21);

            log.compact().join();
            log.recordSearch("after", 1);
            log.flushed().join();

            assertThat(Files.readAllLines(dir.resolve("counts.tsv")))
                    .hasSize(3)
                    .allMatch(l -> l.contains("query 4") || l.contains("query 5") || l.contains("query 6"));
            assertThat(Files.readAllLines(dir.resolve("events.log")))
                    .singleElement()
                    .asString()
                    .endsWith("after");
            assertThat(log.count("query 1")).as("forgotten in memory too").isZero();
            assertThat(log.entries()).hasSize(4);
        }
        try (QueryLog reopened = open(new QueryLog.Storage(appending(), 3, 100))) {
            assertThat(reopened.count("query 6")).isCloseTo(6.0, within(1e-9));
            assertThat(reopened.count("after")).isZero(); // the weakest of four, past the cap of three
        }
    }
}
