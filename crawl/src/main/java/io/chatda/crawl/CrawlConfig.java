package io.chatda.crawl;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Everything a crawl run needs to know. Build one with {@link #builder(List)}; the defaults are polite.
 *
 * @param seeds                 start URLs (http or https)
 * @param mode                  start afresh, resume, or refresh
 * @param maxPages              stop after this many page fetches
 * @param maxDepth              links deeper than this from a seed are not followed (seeds are depth 0)
 * @param concurrency           worker threads (fetches at once over all hosts); one host gets one fetch at a
 *                              time unless politeness is off (a zero delay and no robots.txt Crawl-delay)
 * @param maxPerHostPages       cap of pages fetched per host
 * @param delay                 pause between two requests to one host when robots.txt sets no Crawl-delay;
 *                              zero turns politeness off: requests to a host then overlap, up to
 *                              {@code concurrency} (back-off after 429 and 5xx still applies)
 * @param maxCrawlDelay         cap on a robots.txt Crawl-delay
 * @param sameSite              follow only links to the seeds' hosts (a leading {@code www.} is ignored)
 * @param includes              if not empty, a URL must match one of these (regex, {@code find})
 * @param excludes              a URL matching one of these is skipped
 * @param allowPrivate          allow private, loopback, link-local and multicast addresses (off: SSRF guard)
 * @param trustedHosts          host names allowed even if they resolve to private addresses (an intranet
 *                              site), without opening every private address as {@code allowPrivate} does
 * @param userAgent             the User-Agent header; its first word is the robots.txt agent name
 * @param connectTimeout        TCP connect timeout
 * @param readTimeout           time allowed for the response headers, and again for the body
 * @param maxBodyBytes          largest body accepted, compressed and decompressed
 * @param maxRetries            retries of a page answering 429 or 5xx, with exponential back-off
 * @param retryBackoff          first back-off; doubles with each retry, capped at a minute
 * @param maxUrlLength          longer URLs are traps
 * @param maxQueryVariants      most distinct query strings followed for one path (calendar traps)
 * @param nearDuplicateDistance SimHash Hamming distance at or below which two pages are near duplicates
 * @param useSitemaps           read sitemaps named in robots.txt, else {@code /sitemap.xml}
 * @param checkpointInterval    how often a {@link CheckpointingSink} is committed
 * @param tls                   the TLS context for https sites, or null for the JDK's default (its trust
 *                              store); another one trusts a private certificate authority, for an intranet
 */
public record CrawlConfig(
        List<String> seeds,
        CrawlMode mode,
        int maxPages,
        int maxDepth,
        int concurrency,
        int maxPerHostPages,
        Duration delay,
        Duration maxCrawlDelay,
        boolean sameSite,
        List<Pattern> includes,
        List<Pattern> excludes,
        boolean allowPrivate,
        Set<String> trustedHosts,
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodyBytes,
        int maxRetries,
        Duration retryBackoff,
        int maxUrlLength,
        int maxQueryVariants,
        int nearDuplicateDistance,
        boolean useSitemaps,
        Duration checkpointInterval,
        SSLContext tls) {

    /** The default user agent. */
    public static final String USER_AGENT = "chatda/0.1 (+https://github.com/chatda/chatda)";

    public CrawlConfig {
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(mode, "mode");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        trustedHosts = Set.copyOf(trustedHosts);
        Objects.requireNonNull(userAgent, "userAgent");
        if (seeds.isEmpty() && mode == CrawlMode.START) {
            throw new IllegalArgumentException("a new crawl needs at least one seed URL");
        }
        if (maxPages < 1
                || maxDepth < 0
                || concurrency < 1
                || maxPerHostPages < 1
                || maxRetries < 0
                || maxBodyBytes < 1
                || maxUrlLength < 16
                || maxQueryVariants < 1
                || nearDuplicateDistance < 0) {
            throw new IllegalArgumentException("crawl limits must be positive");
        }
        if (delay.isNegative() || maxCrawlDelay.isNegative()) {
            throw new IllegalArgumentException("delays can't be negative");
        }
    }

    /** The robots.txt agent name: the user agent's first word before any {@code /}. */
    public String robotsAgent() {
        String first = userAgent.strip().split("[\\s/]", 2)[0];
        return first.isEmpty() ? "chatda" : first.toLowerCase(java.util.Locale.ROOT);
    }

    /** A builder with polite defaults. */
    public static Builder builder(List<String> seeds) {
        return new Builder(seeds);
    }

    /** Mutable builder for {@link CrawlConfig}; not thread-safe. */
    public static final class Builder {
        private final List<String> seeds;
        private CrawlMode mode = CrawlMode.START;
        private int maxPages = 100_000;
        private int maxDepth = 20;
        private int concurrency = 4;
        private int maxPerHostPages = 1_000_000;
        private Duration delay = Duration.ofSeconds(1);
        private Duration maxCrawlDelay = Duration.ofSeconds(10);
        private boolean sameSite = true;
        private List<Pattern> includes = List.of();
        private List<Pattern> excludes = List.of();
        private boolean allowPrivate;
        private Set<String> trustedHosts = Set.of();
        private String userAgent = USER_AGENT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(20);
        private long maxBodyBytes = 10L * 1024 * 1024;
        private int maxRetries = 2;
        private Duration retryBackoff = Duration.ofSeconds(2);
        private int maxUrlLength = 1024;
        private int maxQueryVariants = 200;
        private int nearDuplicateDistance = 3;
        private boolean useSitemaps = true;
        private Duration checkpointInterval = Duration.ofSeconds(5);
        private SSLContext tls;

        private Builder(List<String> seeds) {
            this.seeds = List.copyOf(seeds);
        }

        public Builder mode(CrawlMode v) {
            mode = v;
            return this;
        }

        public Builder maxPages(int v) {
            maxPages = v;
            return this;
        }

        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        public Builder concurrency(int v) {
            concurrency = v;
            return this;
        }

        public Builder maxPerHostPages(int v) {
            maxPerHostPages = v;
            return this;
        }

        public Builder delay(Duration v) {
            delay = v;
            return this;
        }

        public Builder maxCrawlDelay(Duration v) {
            maxCrawlDelay = v;
            return this;
        }

        public Builder sameSite(boolean v) {
            sameSite = v;
            return this;
        }

        public Builder includes(List<Pattern> v) {
            includes = v;
            return this;
        }

        public Builder excludes(List<Pattern> v) {
            excludes = v;
            return this;
        }

        public Builder allowPrivate(boolean v) {
            allowPrivate = v;
            return this;
        }

        public Builder trustedHosts(Set<String> v) {
            trustedHosts = v;
            return this;
        }

        public Builder userAgent(String v) {
            userAgent = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder readTimeout(Duration v) {
            readTimeout = v;
            return this;
        }

        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder maxRetries(int v) {
            maxRetries = v;
            return this;
        }

        public Builder retryBackoff(Duration v) {
            retryBackoff = v;
            return this;
        }

        public Builder maxUrlLength(int v) {
            maxUrlLength = v;
            return this;
        }

        public Builder maxQueryVariants(int v) {
            maxQueryVariants = v;
            return this;
        }

        public Builder nearDuplicateDistance(int v) {
            nearDuplicateDistance = v;
            return this;
        }

        public Builder useSitemaps(boolean v) {
            useSitemaps = v;
            return this;
        }

        public Builder checkpointInterval(Duration v) {
            checkpointInterval = v;
            return this;
        }

        public Builder tls(SSLContext v) {
            tls = v;
            return this;
        }

        public CrawlConfig build() {
            return new CrawlConfig(
                    seeds,
                    mode,
                    maxPages,
                    maxDepth,
                    concurrency,
                    maxPerHostPages,
                    delay,
                    maxCrawlDelay,
                    sameSite,
                    includes,
                    excludes,
                    allowPrivate,
                    trustedHosts,
                    userAgent,
                    connectTimeout,
                    readTimeout,
                    maxBodyBytes,
                    maxRetries,
                    retryBackoff,
                    maxUrlLength,
                    maxQueryVariants,
                    nearDuplicateDistance,
                    useSitemaps,
                    checkpointInterval,
                    tls);
        }
    }
}
