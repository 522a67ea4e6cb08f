package io.chatda.search;

/**
 * One ranked result.
 *
 * @param snippetHtml passage of the body with query terms in {@code <mark>}; all document text in it is
 *                    HTML-escaped, so it is safe to insert into a page as is
 */
public record SearchHit(String url, String title, String snippetHtml, String site, float score) {
}
