package io.chatda.crawl;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@link Frontier}'s tables hold, read for people and tests: URL records, counts per state and
 * reason, the indexed URLs and the link graph between them.
 */
final class FrontierReports {

    private static final String RECORD_COLUMNS =
            "url, depth, state, reason, detail, http_status, fetch_count, indexed, duplicate_of";

    private final StoreConnection sql;

    FrontierReports(StoreConnection sql) {
        this.sql = sql;
    }

    Optional<UrlRecord> url(String url) {
        return sql
                .query(
                        "SELECT " + RECORD_COLUMNS + " FROM urls WHERE url=?",
                        ps -> ps.setString(1, url),
                        FrontierReports::record)
                .stream()
                .findFirst();
    }

    List<UrlRecord> urls() {
        return sql.query("SELECT " + RECORD_COLUMNS + " FROM urls ORDER BY id", ps -> {}, FrontierReports::record);
    }

    List<String> indexedUrls() {
        return sql.query("SELECT url FROM urls WHERE indexed=1 ORDER BY id", ps -> {}, rs -> rs.getString(1));
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : sql.query(
                "SELECT state, reason, count(*) FROM urls GROUP BY state, reason ORDER BY 1, 2", ps -> {}, rs ->
                        new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})) {
            String key = row[1] == null ? (String) row[0] : row[0] + ":" + row[1];
            counts.merge(key, (Long) row[2], Long::sum);
        }
        return counts;
    }

    /** See {@link CrawlStore#outlinks()}. */
    Map<String, List<String>> outlinks() {
        String sqlEdges = """
                SELECT s.url, COALESCE(d2.url, d.url) FROM links l
                JOIN urls s ON s.id = l.src AND s.indexed = 1
                JOIN urls d ON d.id = l.dst
                LEFT JOIN urls d2 ON d.indexed = 0 AND d2.url = d.duplicate_of AND d2.indexed = 1
                WHERE d.indexed = 1 OR d2.id IS NOT NULL""";
        return sql.locked(() -> {
            Map<String, List<String>> graph = new LinkedHashMap<>();
            for (String url : indexedUrls()) {
                graph.put(url, new ArrayList<>());
            }
            for (String[] edge : sql.query(sqlEdges, ps -> {}, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                List<String> out = graph.get(edge[0]);
                if (out != null && !edge[0].equals(edge[1]) && !out.contains(edge[1])) {
                    out.add(edge[1]);
                }
            }
            return graph;
        });
    }

    private static UrlRecord record(ResultSet rs) throws SQLException {
        String reason = rs.getString(4);
        return new UrlRecord(
                rs.getString(1),
                rs.getInt(2),
                UrlRecord.State.valueOf(rs.getString(3)),
                reason == null ? null : SkipReason.valueOf(reason),
                rs.getString(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8) == 1,
                rs.getString(9));
    }
}
