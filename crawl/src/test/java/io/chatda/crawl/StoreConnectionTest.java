package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes to several of the store's tables in one transaction commit or roll back together. */
class StoreConnectionTest {

    @TempDir
    Path dir;

    @Test
    void aTransactionJoinedByOthersRollsBackAsOneAndForgetsTheIdsItCached() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("crawl.db"));
        SchemaMigrations.CRAWL_STORE.migrate(c, "crawl.db");
        c.setAutoCommit(false);
        try (StoreConnection sql = new StoreConnection(c)) {
            Frontier frontier = new Frontier(sql, Clock.systemUTC());
            RunStore runs = new RunStore(sql, Clock.systemUTC());
            FrontierReports reports = new FrontierReports(sql);
            SourceDocument doc =
                    new SourceDocument("https://a.example/", "A", List.of(), "text", List.of(), "en", "a.example");
            assertThatThrownBy(() -> sql.transaction(() -> {
                        frontier.insert(
                                "https://a.example/", "a.example", null, 0, null, null); // a transaction of its own
                        runs.keepPending(doc); // and another
                        assertThat(frontier.knownId("https://a.example/")).isPositive(); // remembered
                        throw new IllegalStateException("disk full");
                    }))
                    .isInstanceOf(CrawlStoreException.class)
                    .hasMessageContaining("disk full");
            assertThat(frontier.knownId("https://a.example/")).isZero();
            assertThat(reports.urls()).isEmpty();
            assertThat(runs.pendingDocuments()).isEmpty();

            long id = sql.transaction(() -> {
                long inserted = frontier.insert("https://a.example/", "a.example", null, 0, null, null);
                runs.keepPending(doc);
                return inserted;
            });
            assertThat(frontier.knownId("https://a.example/")).isEqualTo(id);
            assertThat(runs.pendingDocuments()).containsExactly(doc);
        }
    }
}
