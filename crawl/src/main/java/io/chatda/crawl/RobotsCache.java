package io.chatda.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per host (scheme and authority), RFC 9309 via crawler-commons: fetched at most once a day
 * (kept in the crawl store), 4xx means allow all, 5xx and network errors mean "not yet" with back-off
 * and, after the retries, "not at all" for this run. Time, for the day and the back-off, is the injected clock's.
 */
final class RobotsCache {

    static final Duration TTL = Duration.ofDays(1);

    /**
     * What robots.txt says for a host right now: its rules, or a time to ask again, or why it was given up on
     * ({@code failure}: the last error, after every retry failed).
     */
    record HostRules(BaseRobotRules rules, long retryAt, String failure) {
        boolean unavailable() {
            return failure != null;
        }

        boolean deferred() {
            return rules == null && failure == null;
        }
    }

    private final CrawlStore store;
    private final Fetcher fetcher;
    private final CrawlConfig config;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, HostRules> cache = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    RobotsCache(CrawlStore store, Fetcher fetcher, CrawlConfig config, Clock clock) {
        this.store = store;
        this.fetcher = fetcher;
        this.config = config;
        this.clock = clock;
        parser.setMaxCrawlDelay(config.maxCrawlDelay().toMillis());
    }

    /** The rules for the host of this normalised URL, fetching robots.txt if needed. */
    HostRules rules(String url) throws InterruptedException {
        URI uri = URI.create(url);
        String key = uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            long now = clock.millis();
            HostRules cached = cache.get(key);
            if (cached != null && (cached.rules() != null || cached.unavailable() || cached.retryAt() > now)) {
                return cached;
            }
            CrawlStore.Robots stored = store.robots(key);
            if (stored != null && now - stored.fetchedAt() < TTL.toMillis()) {
                HostRules r = new HostRules(parse(key, stored.status(), stored.body()), 0, null);
                cache.put(key, r);
                return r;
            }
            HostRules r = fetch(key, now);
            cache.put(key, r);
            return r;
        }
    }

    /** Sitemap URLs named in the host's robots.txt. */
    List<String> sitemaps(HostRules rules) {
        return rules.rules() == null ? List.of() : rules.rules().getSitemaps();
    }

    private HostRules fetch(String key, long now) throws InterruptedException {
        String robotsUrl = key + "/robots.txt";
        int status;
        byte[] body;
        String failure;
        try {
            Fetcher.Response r = fetcher.get(robotsUrl, null, null, false, hop -> null);
            status = r.status();
            body = r.body();
            failure = "HTTP " + status;
        } catch (Fetcher.FetchException e) {
            if (e.reason == SkipReason.PRIVATE_ADDRESS) {
                return new HostRules(parser.failedFetch(404), 0, null); // the page fetch will be refused too
            }
            status = 599;
            body = new byte[0];
            failure = e.getMessage();
        }
        if (status >= 500 || status == 429) {
            int n = failures.merge(key, 1, Integer::sum);
            if (n > config.maxRetries()) {
                return new HostRules(null, 0, failure);
            }
            long backoff = Math.min(60_000, config.retryBackoff().toMillis() << (n - 1));
            return new HostRules(null, now + backoff, null);
        }
        store.saveRobots(key, status, body, now);
        return new HostRules(parse(key, status, body), 0, null);
    }

    private BaseRobotRules parse(String key, int status, byte[] body) {
        if (status >= 200 && status < 300) {
            return parser.parseContent(key + "/robots.txt", body, "text/plain", List.of(config.robotsAgent()));
        }
        return parser.failedFetch(status >= 400 ? status : 404);
    }
}
