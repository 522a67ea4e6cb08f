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
 * @param site     host or collection name, for {@code site:} filtering
 * @param language {@code ko}, {@code en} or {@code mixed}
 */
public record SearchDocument(String url, String title, List<String> headings, String body, String site, String language) {
    public SearchDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        headings = List.copyOf(headings);
        body = Objects.requireNonNullElse(body, "");
        site = Objects.requireNonNullElse(site, "");
        language = Objects.requireNonNullElse(language, "");
    }
}
