package io.chatda.search;

import java.util.List;

/**
 * One ranked result.
 *
 * @param snippetHtml passage of the body with query terms in {@code <mark>}; all document text in it is
 *                    HTML-escaped, so it is safe to insert into a page as is
 * @param topics      the document's topics
 * @param explanation the score breakdown when the search asked for it, else empty
 */
public record SearchHit(
        String url,
        String title,
        String snippetHtml,
        String site,
        float score,
        List<String> topics,
        String explanation) {
    public SearchHit {
        topics = List.copyOf(topics);
        explanation = explanation == null ? "" : explanation;
    }
}
