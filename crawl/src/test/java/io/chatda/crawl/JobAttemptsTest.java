package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobAttemptsTest {

    @TempDir
    Path dir;

    @Test
    void aJobLeftRunningByADeadProcessIsClaimedAgainAsInterrupted() {
        Path db = dir.resolve("crawl.db");
        long id;
        try (CrawlStore store = CrawlStore.open(db)) {
            id = store.enqueueJob("{}");
            CrawlJob first = store.claimNextJob().orElseThrow();
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.interrupted()).isFalse();
        } // the process "dies" with the job RUNNING
        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.requeueInterruptedJobs()).isEqualTo(1);
            CrawlJob again = store.claimNextJob().orElseThrow();
            assertThat(again.id()).isEqualTo(id);
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.interrupted()).isTrue();
            assertThat(store.job(id).orElseThrow().attempts()).isEqualTo(2);
        }
    }
}
