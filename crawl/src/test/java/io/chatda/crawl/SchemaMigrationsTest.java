package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl store's schema versions: a new file, a file from before versions, a newer file, a failing step. */
class SchemaMigrationsTest {

    /** The schema as chatda created it before it had versions (user_version 0), runs' settings column included. */
    private static final String[] UNVERSIONED_SCHEMA = {
        """
        CREATE TABLE urls(
          id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL, path_key TEXT,
          depth INTEGER NOT NULL, priority INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL,
          reason TEXT, detail TEXT, http_status INTEGER NOT NULL DEFAULT 0,
          fetch_count INTEGER NOT NULL DEFAULT 0, run_fetches INTEGER NOT NULL DEFAULT 0,
          indexed INTEGER NOT NULL DEFAULT 0, content_hash TEXT, simhash INTEGER, etag TEXT,
          last_modified TEXT, duplicate_of TEXT, not_before INTEGER NOT NULL DEFAULT 0,
          attempts INTEGER NOT NULL DEFAULT 0, fetched_at INTEGER)""",
        "CREATE INDEX urls_frontier ON urls(state, depth, priority, id)",
        "CREATE INDEX urls_hash ON urls(content_hash) WHERE content_hash IS NOT NULL",
        "CREATE INDEX urls_path ON urls(path_key) WHERE path_key IS NOT NULL",
        "CREATE INDEX urls_host ON urls(host, run_fetches)",
        "CREATE TABLE links(src INTEGER NOT NULL, dst INTEGER NOT NULL, anchor TEXT, PRIMARY KEY(src, dst)) WITHOUT ROWID",
        "CREATE TABLE hosts(host TEXT PRIMARY KEY, robots_status INTEGER, robots_body BLOB,"
                + " robots_fetched_at INTEGER, sitemaps_done INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE pending(seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL, doc BLOB NOT NULL)",
        "CREATE TABLE runs(id INTEGER PRIMARY KEY, mode TEXT NOT NULL, seeds TEXT NOT NULL,"
                + " started_at INTEGER NOT NULL, finished_at INTEGER, status TEXT NOT NULL, summary TEXT)",
        "CREATE TABLE jobs(id INTEGER PRIMARY KEY, payload TEXT NOT NULL, status TEXT NOT NULL,"
                + " created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER, message TEXT)",
        "CREATE INDEX jobs_status ON jobs(status, id)",
        "ALTER TABLE runs ADD COLUMN settings TEXT",
    };

    @TempDir
    Path dir;

    @Test
    void aNewStoreIsCreatedAtTheLatestVersion() throws Exception {
        Path db = dir.resolve("crawl.db");
        try (CrawlStore store = CrawlStore.open(db)) {
            store.insert("https://a.example/", "a.example", null, 0, null, null);
        }
        assertThat(version(db)).isEqualTo(SchemaMigrations.CRAWL_STORE.latest()).isEqualTo(2);
        assertThat(tables(db)).contains("urls", "links", "hosts", "pending", "runs", "jobs");
        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.url("https://a.example/")).isPresent();
        }
    }

    @Test
    void aStoreFromBeforeVersionsIsMigratedToTheLatestVersionWithEverythingInIt() throws Exception {
        Path db = dir.resolve("crawl.db");
        CrawlConfig config =
                CrawlConfig.builder(List.of("https://a.example/")).maxPages(77).build();
        SourceDocument doc =
                new SourceDocument("https://a.example/b", "B", List.of(), "text", List.of(), "en", "a.example");
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            for (String ddl : UNVERSIONED_SCHEMA) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO urls(id, url, host, depth, state, fetch_count, indexed) VALUES"
                    + " (1, 'https://a.example/', 'a.example', 0, 'DONE', 1, 1),"
                    + " (2, 'https://a.example/b', 'a.example', 1, 'DONE', 1, 1)");
            s.execute("INSERT INTO links(src, dst, anchor) VALUES (1, 2, 'bee')");
            s.execute("INSERT INTO hosts(host, robots_status, robots_body, robots_fetched_at)"
                    + " VALUES ('https://a.example', 200, X'414243', 1234)");
            s.execute("INSERT INTO runs(mode, seeds, started_at, status, summary, settings) VALUES"
                    + " ('START', 'https://a.example/', 1000, 'done', 'fetched=2', '"
                    + CrawlSettings.of(config).encode().replace("'", "''") + "')");
            s.execute("INSERT INTO jobs(payload, status, created_at) VALUES ('{}', 'QUEUED', 1000)");
            try (var ps = c.prepareStatement("INSERT INTO pending(url, doc) VALUES (?, ?)")) {
                ps.setString(1, doc.url());
                ps.setBytes(2, DocumentCodec.encode(doc));
                ps.executeUpdate();
            }
        }
        assertThat(version(db)).isZero();

        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.indexedUrls()).containsExactly("https://a.example/", "https://a.example/b");
            assertThat(store.outlinks().get("https://a.example/")).containsExactly("https://a.example/b");
            assertThat(store.robots("https://a.example").body()).containsExactly('A', 'B', 'C');
            assertThat(store.runs(5))
                    .singleElement()
                    .extracting(CrawlRun::summary)
                    .isEqualTo("fetched=2");
            assertThat(store.lastRunSettings()).contains(CrawlSettings.of(config));
            assertThat(store.jobs(5))
                    .singleElement()
                    .extracting(CrawlJob::payload)
                    .isEqualTo("{}");
            assertThat(store.pendingDocuments()).containsExactly(doc);
            assertThat(store.jobs(5))
                    .singleElement()
                    .extracting(CrawlJob::attempts)
                    .isEqualTo(0);
        }
        assertThat(version(db)).isEqualTo(SchemaMigrations.CRAWL_STORE.latest()).isEqualTo(2);
    }

    @Test
    void aStoreOfANewerVersionIsRefusedAndLeftAlone() throws Exception {
        Path db = dir.resolve("crawl.db");
        CrawlStore.open(db).close();
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 3");
            s.execute("CREATE TABLE from_the_future(x)");
        }
        assertThatThrownBy(() -> CrawlStore.open(db))
                .isInstanceOfSatisfying(CrawlStoreVersionException.class, e -> {
                    assertThat(e.found()).isEqualTo(3);
                    assertThat(e.supported()).isEqualTo(2);
                })
                .hasMessageContaining(db.toString())
                .hasMessageContaining("schema version 3, newer than this chatda knows (2)");
        assertThat(version(db)).isEqualTo(3);
        assertThat(tables(db)).contains("from_the_future");
    }

    @Test
    void aFailingMigrationLeavesTheStoreAsItWas() throws Exception {
        Path db = dir.resolve("crawl.db");
        try (CrawlStore store = CrawlStore.open(db)) {
            store.enqueueJob("kept");
        }
        SchemaMigrations failing = new SchemaMigrations(List.of(
                SchemaMigrations.TABLES,
                SchemaMigrations.JOB_ATTEMPTS,
                new SchemaMigrations.Migration("a column, a table, then a broken statement", s -> {
                    s.execute("ALTER TABLE jobs ADD COLUMN priority INTEGER");
                    s.execute("CREATE TABLE extra(x)");
                    s.execute("INSERT INTO no_such_table VALUES (1)");
                })));
        assertThatThrownBy(() -> CrawlStore.open(db, Clock.systemUTC(), failing))
                .isExactlyInstanceOf(CrawlStoreException.class)
                .hasMessageContaining("schema version 3 (a column, a table, then a broken statement)")
                .hasMessageContaining("no_such_table");
        assertThat(version(db)).isEqualTo(2);
        assertThat(tables(db)).doesNotContain("extra");
        assertThat(columns(db, "jobs")).doesNotContain("priority");
        try (CrawlStore store = CrawlStore.open(db)) {
            assertThat(store.jobs(5))
                    .singleElement()
                    .extracting(CrawlJob::payload)
                    .isEqualTo("kept");
        }
    }

    @Test
    void aNewStoreWhoseMigrationFailsGetsNoTablesAtAll() throws Exception {
        Path db = dir.resolve("crawl.db");
        SchemaMigrations failing = new SchemaMigrations(List.of(
                SchemaMigrations.TABLES,
                SchemaMigrations.JOB_ATTEMPTS,
                new SchemaMigrations.Migration("broken", s -> s.execute("INSERT INTO no_such_table VALUES (1)"))));
        assertThatThrownBy(() -> CrawlStore.open(db, Clock.systemUTC(), failing))
                .isInstanceOf(CrawlStoreException.class);
        assertThat(version(db)).isZero();
        assertThat(tables(db)).isEmpty();
    }

    private static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private static int version(Path db) throws SQLException {
        try (Connection c = connect(db)) {
            return SchemaMigrations.version(c);
        }
    }

    private static List<String> tables(Path db) throws SQLException {
        return names(db, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'");
    }

    private static List<String> columns(Path db, String table) throws SQLException {
        return names(db, "SELECT name FROM pragma_table_info('" + table + "')");
    }

    private static List<String> names(Path db, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
