package io.chatda.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * URL normalisation and the static rules for following a URL: scheme, site scope, include/exclude
 * patterns and spider-trap shapes. The query-variant trap needs the store and is checked by the crawler.
 */
final class UrlRules {

    private static final List<String> SESSION_PARAMS =
            List.of("jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid", "cftoken");
    private static final Pattern PATH_SESSION = Pattern.compile("(?i);(jsessionid|phpsessid|sid)=[^/?#]*");
    private static final int MAX_SEGMENT_REPEATS = 3;

    private final BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder()
            .queryParamsToRemove(SESSION_PARAMS.stream()
                    .flatMap(p -> java.util.stream.Stream.of(p, p.toUpperCase(Locale.ROOT)))
                    .collect(Collectors.toList()))
            .build();
    private final CrawlConfig config;
    private final Set<String> sites;

    UrlRules(CrawlConfig config) {
        this.config = config;
        this.sites = config.seeds().stream()
                .map(this::normalize)
                .filter(java.util.Objects::nonNull)
                .map(UrlRules::host)
                .map(UrlRules::site)
                .collect(Collectors.toSet());
    }

    /** The normalised absolute http(s) URL, or null if it isn't one. */
    String normalize(String url) {
        if (url == null) {
            return null;
        }
        String u = PATH_SESSION.matcher(url.strip()).replaceAll("");
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        String n = normalizer.filter(u);
        if (n == null) {
            return null;
        }
        try {
            URI uri = new URI(n);
            return uri.getHost() == null ? null : n;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String host(String normalizedUrl) {
        return URI.create(normalizedUrl).getHost().toLowerCase(Locale.ROOT);
    }

    /** The host with port, the unit of politeness and robots.txt. */
    static String authority(String normalizedUrl) {
        return URI.create(normalizedUrl).getRawAuthority().toLowerCase(Locale.ROOT);
    }

    private static String site(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** For the query-variant trap: scheme, authority and path of a URL with a query, else null. */
    static String pathKey(String normalizedUrl) {
        int q = normalizedUrl.indexOf('?');
        return q < 0 ? null : normalizedUrl.substring(0, q);
    }

    /** Why this normalised URL may not be followed (other than robots and query variants), or null. */
    Skip check(String url, int depth) {
        if (url.length() > config.maxUrlLength()) {
            return new Skip(SkipReason.TRAP, "URL longer than " + config.maxUrlLength());
        }
        if (repeatedSegments(URI.create(url).getRawPath())) {
            return new Skip(SkipReason.TRAP, "repeated path segments");
        }
        if (config.sameSite() && !sites.contains(site(host(url)))) {
            return new Skip(SkipReason.OFF_SITE, null);
        }
        for (Pattern p : config.excludes()) {
            if (p.matcher(url).find()) {
                return new Skip(SkipReason.EXCLUDED, "matches " + p.pattern());
            }
        }
        if (!config.includes().isEmpty()
                && config.includes().stream().noneMatch(p -> p.matcher(url).find())) {
            return new Skip(SkipReason.EXCLUDED, "matches no include pattern");
        }
        if (depth > config.maxDepth()) {
            return new Skip(SkipReason.MAX_DEPTH, null);
        }
        return null;
    }

    static boolean repeatedSegments(String path) {
        if (path == null) {
            return false;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && seen.merge(segment, 1, Integer::sum) >= MAX_SEGMENT_REPEATS) {
                return true;
            }
        }
        return false;
    }

    /** A reason to skip, with detail for the operator. */
    record Skip(SkipReason reason, String detail) {}
}
