package io.chatda.crawl;

import java.util.List;
import java.util.Objects;

/**
 * One document ready for indexing, whether it came from a crawl or a file import.
 * The crawl side produces it; the app converts it into the search index's own document type,
 * so {@code search} never depends on {@code crawl}.
 *
 * @param url       canonical address of the document (http(s) for crawled pages, file: for imports)
 * @param title     title as the author wrote it, never blank (falls back to the URL's last segment)
 * @param headings  section headings in document order
 * @param body      readable main text without navigation, scripts or markup
 * @param links     outgoing links with their anchor text, for the link graph and anchor-text field
 * @param language  {@code ko}, {@code en} or {@code mixed}
 * @param site      host (crawl) or collection name (import) the document belongs to
 * @param html      the content as sanitised HTML for the document view ({@link HtmlExtractor#VIEW}), or empty
 */
public record SourceDocument(
        String url,
        String title,
        List<String> headings,
        String body,
        List<Link> links,
        String language,
        String site,
        String html) {

    public SourceDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        headings = List.copyOf(headings);
        body = Objects.requireNonNullElse(body, "");
        links = List.copyOf(links);
        language = Objects.requireNonNullElse(language, Language.detect(title + " " + body));
        site = Objects.requireNonNullElse(site, "");
        html = Objects.requireNonNullElse(html, "");
    }

    /** A document without a view of its own (the view shows its text). */
    public SourceDocument(
            String url,
            String title,
            List<String> headings,
            String body,
            List<Link> links,
            String language,
            String site) {
        this(url, title, headings, body, links, language, site, "");
    }

    /** The same document at another address (an imported file where it is published). */
    public SourceDocument withUrl(String newUrl) {
        return new SourceDocument(newUrl, title, headings, body, links, language, site, html);
    }

    /** An outgoing link and the text it was anchored on. */
    public record Link(String url, String anchorText) {
        public Link {
            Objects.requireNonNull(url, "url");
            anchorText = Objects.requireNonNullElse(anchorText, "");
        }
    }
}
