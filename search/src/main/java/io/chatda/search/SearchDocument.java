package io.chatda.search;

import java.util.List;
import java.util.Objects;

/**
 * A document as the index stores it. Built by the app from crawled or imported sources.
 *
 * @param url      unique key; adding a document with the same URL replaces the old one
 * @param title    shown as the result's link text
 * @param headings section headings, searched with a boost between title and body
 * @param body     main text, searched and used for snippets
 * @param site     host or collection name, for {@code site:} filtering and per-site limits
 * @param language {@code ko}, {@code en} or {@code mixed}
 * @param topics   subject labels shown with the result and searched like headings
 * @param links    outgoing links: their anchor text is indexed with the target page, and the link
 *                 graph over the indexed pages gives each page its authority
 * @param html     the content as sanitised HTML, stored for the document view only (never searched), or empty
 */
public record SearchDocument(
        String url,
        String title,
        List<String> headings,
        String body,
        String site,
        String language,
        List<String> topics,
        List<Link> links,
        String html) {

    /**
     * In a body, separates the main text from the text of link lists and navigation that follows it:
     * snippets prefer passages before it.
     */
    public static final char LINK_LISTS = '\u2029';

    /** An outgoing link and the text it was anchored on. */
    public record Link(String url, String anchorText) {
        public Link {
            Objects.requireNonNull(url, "url");
            anchorText = Objects.requireNonNullElse(anchorText, "");
        }
    }

    public SearchDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        headings = List.copyOf(headings);
        body = Objects.requireNonNullElse(body, "");
        site = Objects.requireNonNullElse(site, "");
        language = Objects.requireNonNullElse(language, "");
        topics = topics == null ? List.of() : List.copyOf(topics);
        links = links == null ? List.of() : List.copyOf(links);
        html = Objects.requireNonNullElse(html, "");
    }

    /** A document without a stored view. */
    public SearchDocument(
            String url,
            String title,
            List<String> headings,
            String body,
            String site,
            String language,
            List<String> topics,
            List<Link> links) {
        this(url, title, headings, body, site, language, topics, links, "");
    }

    /** The body without the text of its link lists. */
    public String mainText() {
        int marker = body.indexOf(LINK_LISTS);
        return marker < 0 ? body : body.substring(0, marker).strip();
    }

    /** A document without topics or links. */
    public SearchDocument(String url, String title, List<String> headings, String body, String site, String language) {
        this(url, title, headings, body, site, language, List.of(), List.of());
    }
}
