package io.chatda.crawl;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a crawl run was asked to do, kept with the run in the crawl store so that {@code --resume} continues the
 * same crawl: its seeds (the site scope), limits, politeness, filters and SSRF exemptions. Stored as
 * {@link Properties} text.
 */
public record CrawlSettings(
        List<String> seeds,
        int maxPages,
        int maxDepth,
        int concurrency,
        int maxPerHostPages,
        Duration delay,
        boolean sameSite,
        List<String> includes,
        List<String> excludes,
        boolean allowPrivate,
        Set<String> trustedHosts) {

    public CrawlSettings {
        seeds = List.copyOf(seeds);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        trustedHosts = Set.copyOf(trustedHosts);
    }

    /** The settings of {@code config}. */
    static CrawlSettings of(CrawlConfig config) {
        return new CrawlSettings(
                config.seeds(),
                config.maxPages(),
                config.maxDepth(),
                config.concurrency(),
                config.maxPerHostPages(),
                config.delay(),
                config.sameSite(),
                config.includes().stream().map(Pattern::pattern).toList(),
                config.excludes().stream().map(Pattern::pattern).toList(),
                config.allowPrivate(),
                config.trustedHosts());
    }

    /** A builder of a {@link CrawlMode#RESUME} run with these settings; the caller may override any of them. */
    public CrawlConfig.Builder resume() {
        return CrawlConfig.builder(seeds)
                .mode(CrawlMode.RESUME)
                .maxPages(maxPages)
                .maxDepth(maxDepth)
                .concurrency(concurrency)
                .maxPerHostPages(maxPerHostPages)
                .delay(delay)
                .sameSite(sameSite)
                .includes(includes.stream().map(Pattern::compile).toList())
                .excludes(excludes.stream().map(Pattern::compile).toList())
                .allowPrivate(allowPrivate)
                .trustedHosts(trustedHosts);
    }

    String encode() {
        Properties p = new Properties();
        p.setProperty("seeds", String.join("\n", seeds));
        p.setProperty("maxPages", Integer.toString(maxPages));
        p.setProperty("maxDepth", Integer.toString(maxDepth));
        p.setProperty("concurrency", Integer.toString(concurrency));
        p.setProperty("maxPerHostPages", Integer.toString(maxPerHostPages));
        p.setProperty("delayMillis", Long.toString(delay.toMillis()));
        p.setProperty("sameSite", Boolean.toString(sameSite));
        p.setProperty("includes", String.join("\n", includes));
        p.setProperty("excludes", String.join("\n", excludes));
        p.setProperty("allowPrivate", Boolean.toString(allowPrivate));
        p.setProperty("trustedHosts", String.join("\n", new TreeSet<>(trustedHosts)));
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException if the text isn't settings written by {@link #encode()} */
    static CrawlSettings decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return new CrawlSettings(
                    lines(p, "seeds"),
                    number(p, "maxPages"),
                    number(p, "maxDepth"),
                    number(p, "concurrency"),
                    number(p, "maxPerHostPages"),
                    Duration.ofMillis(Long.parseLong(p.getProperty("delayMillis"))),
                    Boolean.parseBoolean(p.getProperty("sameSite")),
                    lines(p, "includes"),
                    lines(p, "excludes"),
                    Boolean.parseBoolean(p.getProperty("allowPrivate")),
                    Set.copyOf(lines(p, "trustedHosts")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("damaged crawl settings: " + e.getMessage(), e);
        }
    }

    private static int number(Properties p, String key) {
        return Integer.parseInt(p.getProperty(key));
    }

    private static List<String> lines(Properties p, String key) {
        String v = p.getProperty(key, "");
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\n"));
    }
}
