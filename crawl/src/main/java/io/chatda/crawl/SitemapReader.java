package io.chatda.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;

/**
 * Reads a host's sitemaps (indexes followed) under byte and URL budgets, per sitemap and per crawl. A
 * gzipped sitemap is unpacked here as a stream, never by crawler-commons into memory, and parsing stops at
 * the first budget reached: a hostile site's sitemap of millions of URLs costs a bounded amount of time,
 * memory and crawl-store rows. Thread-safe; one per crawl run.
 */
final class SitemapReader {

    private static final Logger LOG = LoggerFactory.getLogger(SitemapReader.class);
    /** Sitemap documents read per host, indexes included. */
    static final int MAX_DOCUMENTS_PER_HOST = 50;

    /**
     * The budgets. Per sitemap they are the sitemaps.org protocol's own limits (50,000 URLs, 50 MB
     * uncompressed), or less; per crawl they grow with {@code maxPages}, since a crawl fetches no more pages.
     */
    record Limits(long bytesPerSitemap, int urlsPerSitemap, long bytesPerCrawl, int urlsPerCrawl) {

        static Limits forCrawl(CrawlConfig config) {
            int urlsPerCrawl = (int) Math.min(1_000_000, Math.max(1_000, 2L * config.maxPages()));
            long bytesPerCrawl = Math.max(config.maxBodyBytes(), 200L * urlsPerCrawl);
            long bytesPerSitemap = Math.min(50L * 1024 * 1024, bytesPerCrawl);
            return new Limits(bytesPerSitemap, Math.min(50_000, urlsPerCrawl), bytesPerCrawl, urlsPerCrawl);
        }
    }

    private final Fetcher fetcher;
    private final UrlRules rules;
    private final Limits limits;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong urlsFound = new AtomicLong();

    SitemapReader(Fetcher fetcher, UrlRules rules, Limits limits) {
        this.fetcher = fetcher;
        this.rules = rules;
        this.limits = limits;
    }

    /** The page URLs in these sitemaps and the sitemaps they index, as far as the budgets go. */
    List<String> read(List<String> sitemapUrls) throws InterruptedException {
        List<String> todo = new ArrayList<>(sitemapUrls);
        Set<String> seen = new HashSet<>();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < todo.size() && seen.size() < MAX_DOCUMENTS_PER_HOST && !exhausted(); i++) {
            String sitemapUrl = rules.normalize(todo.get(i));
            if (sitemapUrl == null || !seen.add(sitemapUrl)) {
                continue;
            }
            try {
                Fetcher.Response r = fetcher.get(sitemapUrl, null, null, false, hop -> null);
                if (r.status() != 200 || r.body().length == 0) {
                    continue;
                }
                AbstractSiteMap map = parse(r.body(), new URL(r.url()));
                if (map instanceof SiteMapIndex index) {
                    index.getSitemaps().forEach(child -> todo.add(child.getUrl().toString()));
                } else if (map instanceof SiteMap siteMap) {
                    for (SiteMapURL u : siteMap.getSiteMapUrls()) {
                        found.add(u.getUrl().toString());
                    }
                }
            } catch (Fetcher.FetchException | IOException | UnknownFormatException e) {
                LOG.debug("sitemap {} unusable: {}", sitemapUrl, e.getMessage());
            }
        }
        return found;
    }

    private boolean exhausted() {
        return bytesRead.get() >= limits.bytesPerCrawl() || urlsFound.get() >= limits.urlsPerCrawl();
    }

    /** Parses XML or text, gzipped or not (by its magic number, whatever the content type says). */
    private AbstractSiteMap parse(byte[] body, URL url) throws IOException, UnknownFormatException {
        boolean gzipped = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        InputStream raw =
                gzipped ? new GZIPInputStream(new ByteArrayInputStream(body), 16384) : new ByteArrayInputStream(body);
        long room = Math.min(limits.bytesPerSitemap(), limits.bytesPerCrawl() - bytesRead.get());
        int perSitemap = (int) Math.min(limits.urlsPerSitemap(), limits.urlsPerCrawl() - urlsFound.get());
        CountingParser parser = new CountingParser(perSitemap);
        try (BufferedInputStream in = new BufferedInputStream(new Budgeted(raw, room, parser), 16384)) {
            AbstractSiteMap map = looksLikeXml(in) ? parser.xml(url, new InputSource(in)) : parser.text(url, in);
            urlsFound.addAndGet(parser.accepted);
            if (parser.accepted >= perSitemap) {
                LOG.info("sitemap {}: stopped at {} URLs (the crawl's sitemap budget)", url, parser.accepted);
            }
            return map;
        }
    }

    private static boolean looksLikeXml(BufferedInputStream in) throws IOException {
        in.mark(1024);
        try {
            for (int i = 0, c; i < 1024 && (c = in.read()) >= 0; i++) {
                if (c == '<') {
                    return true;
                }
                if (!Character.isWhitespace(c) && c != 0xef && c != 0xbb && c != 0xbf) {
                    return false;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    /** crawler-commons' parser fed from a stream, keeping at most {@code max} URLs and stopping after them. */
    private final class CountingParser extends SiteMapParser {
        private final int max;
        int accepted;

        CountingParser(int max) {
            super(false, true); // not strict; a sitemap cut at its budget keeps the URLs read
            this.max = max;
            setURLFilter((String u) -> {
                if (accepted >= max) {
                    return null;
                }
                accepted++;
                return u;
            });
        }

        AbstractSiteMap xml(URL url, InputSource source) throws UnknownFormatException {
            return processXml(url, source);
        }

        SiteMap text(URL url, InputStream in) throws IOException {
            return processText(url, in);
        }

        boolean full() {
            return accepted >= max;
        }
    }

    /**
     * Counts the bytes read into the crawl's budget and ends the stream at this sitemap's byte budget or once
     * this sitemap's URL budget is spent (the parser then ends like a truncated file, keeping the URLs read so far).
     */
    private final class Budgeted extends FilterInputStream {
        private final CountingParser parser;
        private long room;

        Budgeted(InputStream in, long room, CountingParser parser) {
            super(in);
            this.room = Math.max(0, room);
            this.parser = parser;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (room <= 0 || parser.full()) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, room));
            if (n > 0) {
                room -= n;
                bytesRead.addAndGet(n);
            }
            return n;
        }
    }
}
