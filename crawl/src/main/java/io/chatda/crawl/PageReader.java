package io.chatda.crawl;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a fetched page's searchable parts: plain text (its first line the title) or HTML through
 * {@link HtmlExtractor}, with its robots directives from the {@code X-Robots-Tag} headers and the page.
 */
final class PageReader {

    /**
     * A page as read.
     *
     * @param links      every link, for the index's anchor text
     * @param followable links that may be followed (before robots directives)
     * @param canonical  the normalised {@code rel=canonical} URL, or null
     * @param html       the main content as sanitised HTML, empty for plain text
     */
    record Page(
            String title,
            List<String> headings,
            String body,
            List<SourceDocument.Link> links,
            List<SourceDocument.Link> followable,
            String canonical,
            String language,
            String html,
            RobotsDirectives robots) {}

    private final HtmlExtractor extractor;
    private final UrlRules rules;
    private final String robotsAgent;

    PageReader(HtmlExtractor extractor, UrlRules rules, String robotsAgent) {
        this.extractor = extractor;
        this.rules = rules;
        this.robotsAgent = robotsAgent;
    }

    Page read(String url, Fetcher.Response r) {
        Charset charset = charset(r.charset());
        RobotsDirectives header = RobotsDirectives.ofHeaders(r.headers().allValues("x-robots-tag"), robotsAgent);
        if (r.mimeType().equals("text/plain")) {
            return plainText(url, new String(r.body(), charset == null ? StandardCharsets.UTF_8 : charset), header);
        }
        HtmlExtractor.Page page =
                extractor.extractPage(r.body(), charset == null ? null : charset.name(), url, robotsAgent);
        HtmlExtractor.Extracted content = page.content();
        return new Page(
                content.title().isBlank() ? lastSegment(url) : content.title(),
                content.headings(),
                content.body(),
                content.links(),
                page.followable(),
                page.canonical() == null ? null : rules.normalize(page.canonical()),
                page.language(),
                content.html(),
                header.or(new RobotsDirectives(page.noindex(), page.nofollow())));
    }

    private static Page plainText(String url, String raw, RobotsDirectives robots) {
        String text = raw.strip();
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).strip();
        String title = first.isEmpty() || first.length() > 200 ? lastSegment(url) : first;
        String body =
                (nl < 0 ? "" : text.substring(nl + 1)).replaceAll("\\s+", " ").strip();
        return new Page(
                title, List.of(), body, List.of(), List.of(), null, Language.detect(title + " " + body), "", robots);
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lastSegment(String url) {
        String path = URI.create(url).getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return url;
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
