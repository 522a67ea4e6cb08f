package io.chatda.crawl;

import io.chatda.crawl.CrawlStore.Robots;

/**
 * Each host's robots.txt as last fetched, and whether its sitemaps were read, in the {@code hosts} table:
 * {@link RobotsCache} asks here before fetching robots.txt again.
 */
final class RobotsStore {

    private final StoreConnection sql;

    RobotsStore(StoreConnection sql) {
        this.sql = sql;
    }

    /** The host's stored robots.txt, or null if it was never fetched. */
    Robots robots(String host) {
        return sql
                .query(
                        "SELECT robots_status, robots_body, robots_fetched_at, sitemaps_done FROM hosts WHERE host=?",
                        ps -> ps.setString(1, host),
                        rs -> new Robots(rs.getInt(1), rs.getBytes(2), rs.getLong(3), rs.getInt(4) == 1))
                .stream()
                .findFirst()
                .orElse(null);
    }

    void save(String host, int status, byte[] body, long fetchedAt) {
        sql.transaction(() -> sql.exec(
                "INSERT INTO hosts(host, robots_status, robots_body, robots_fetched_at)"
                        + " VALUES(?,?,?,?) ON CONFLICT(host) DO UPDATE SET robots_status=excluded.robots_status,"
                        + " robots_body=excluded.robots_body, robots_fetched_at=excluded.robots_fetched_at",
                host,
                status,
                body,
                fetchedAt));
    }

    void markSitemapsDone(String host) {
        sql.transaction(() -> sql.exec("UPDATE hosts SET sitemaps_done=1 WHERE host=?", host));
    }

    /** Every host's sitemaps are to be read again (a new crawl or a refresh); robots.txt stays. */
    void forgetSitemaps() {
        sql.transaction(() -> sql.exec("UPDATE hosts SET sitemaps_done=0"));
    }
}
