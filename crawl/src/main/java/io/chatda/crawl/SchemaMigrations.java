package io.chatda.crawl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The crawl store's schema as an ordered list of migrations, the n-th bringing a database to version n; the
 * version is SQLite's {@code PRAGMA user_version} (0 in a new file). At open, the migrations a database lacks
 * run in one transaction with the new version, so a failing one leaves it as it was; a database of a newer
 * version than this code knows is refused ({@link CrawlStoreVersionException}).
 */
final class SchemaMigrations {

    /** Changes the schema from the previous version to the next. */
    @FunctionalInterface
    interface Step {
        void apply(Statement s) throws SQLException;
    }

    /** One migration: what it does, in a few words, and how. */
    record Migration(String what, Step step) {}

    /**
     * Version 1: the tables as they were before the schema had versions. Every statement is idempotent, so a
     * database written then (user_version 0, every table there) becomes version 1 as it is.
     */
    static final Migration TABLES = new Migration(
            "the frontier, links, hosts, pending documents, runs and jobs", SchemaMigrations::createTables);

    /**
     * Version 2: a crawl job counts the times it was claimed, so a job a killed process left running is resumed
     * (its frontier kept) rather than started again when it is claimed anew.
     */
    static final Migration JOB_ATTEMPTS = new Migration(
            "crawl jobs count their attempts",
            s -> s.execute("ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"));

    /** The crawl store's migrations, oldest first. */
    static final SchemaMigrations CRAWL_STORE = new SchemaMigrations(List.of(TABLES, JOB_ATTEMPTS));

    private final List<Migration> migrations;

    SchemaMigrations(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** The version a database has after every migration. */
    int latest() {
        return migrations.size();
    }

    /**
     * Brings the database behind {@code c} (auto-commit on, no transaction under way) to the latest version.
     *
     * @param name the database, as errors name it
     * @throws CrawlStoreVersionException if the database is newer than the latest version
     * @throws CrawlStoreException        if a migration fails (nothing of it is kept)
     */
    void migrate(Connection c, String name) throws SQLException {
        if (checkedVersion(c, name) == latest()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE"); // the write lock first: another process may be migrating the file too
            try {
                int from = checkedVersion(c, name);
                for (int version = from + 1; version <= latest(); version++) {
                    apply(s, version, name);
                }
                s.execute("PRAGMA user_version = " + latest());
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    private void apply(Statement s, int version, String name) {
        Migration m = migrations.get(version - 1);
        try {
            m.step().apply(s);
        } catch (SQLException | RuntimeException e) {
            throw new CrawlStoreException(
                    "can't bring crawl store " + name + " to schema version " + version + " (" + m.what() + "): "
                            + e.getMessage(),
                    e);
        }
    }

    private int checkedVersion(Connection c, String name) throws SQLException {
        int version = version(c);
        if (version > latest()) {
            throw new CrawlStoreVersionException(name, version, latest());
        }
        return version;
    }

    /** The database's {@code user_version}. */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static final String[] TABLES_DDL = {
        """
        CREATE TABLE IF NOT EXISTS urls(
          id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, host TEXT NOT NULL, path_key TEXT,
          depth INTEGER NOT NULL, priority INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL,
          reason TEXT, detail TEXT, http_status INTEGER NOT NULL DEFAULT 0,
          fetch_count INTEGER NOT NULL DEFAULT 0, run_fetches INTEGER NOT NULL DEFAULT 0,
          indexed INTEGER NOT NULL DEFAULT 0, content_hash TEXT, simhash INTEGER, etag TEXT,
          last_modified TEXT, duplicate_of TEXT, not_before INTEGER NOT NULL DEFAULT 0,
          attempts INTEGER NOT NULL DEFAULT 0, fetched_at INTEGER)""",
        "CREATE INDEX IF NOT EXISTS urls_frontier ON urls(state, depth, priority, id)",
        "CREATE INDEX IF NOT EXISTS urls_hash ON urls(content_hash) WHERE content_hash IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS urls_path ON urls(path_key) WHERE path_key IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS urls_host ON urls(host, run_fetches)",
        "CREATE TABLE IF NOT EXISTS links(src INTEGER NOT NULL, dst INTEGER NOT NULL, anchor TEXT,"
                + " PRIMARY KEY(src, dst)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS hosts(host TEXT PRIMARY KEY, robots_status INTEGER, robots_body BLOB,"
                + " robots_fetched_at INTEGER, sitemaps_done INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS pending(seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL, doc BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, mode TEXT NOT NULL, seeds TEXT NOT NULL,"
                + " started_at INTEGER NOT NULL, finished_at INTEGER, status TEXT NOT NULL, summary TEXT)",
        "CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, payload TEXT NOT NULL, status TEXT NOT NULL,"
                + " created_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER, message TEXT)",
        "CREATE INDEX IF NOT EXISTS jobs_status ON jobs(status, id)",
    };

    private static void createTables(Statement s) throws SQLException {
        for (String ddl : TABLES_DDL) {
            s.execute(ddl);
        }
        // stores written before runs kept their settings get the column (empty for their runs)
        try (ResultSet columns = s.executeQuery("SELECT 1 FROM pragma_table_info('runs') WHERE name='settings'")) {
            if (columns.next()) {
                return;
            }
        }
        s.execute("ALTER TABLE runs ADD COLUMN settings TEXT");
    }
}
