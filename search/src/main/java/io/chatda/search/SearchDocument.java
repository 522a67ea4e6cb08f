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
 */
public record SearchDocument(String url, String title, List<String> headings, String body, String site,
                             String language, List<String> topics, List<Link> links) {

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
    }

    /** A document without topics or links. */
    public SearchDocument(String url, String title, List<String> headings, String body, String site, String language) {
        this(url, title, headings, body, site, language, List.of(), List.of());
    }
}
