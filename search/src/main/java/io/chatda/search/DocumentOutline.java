package io.chatda.search;

import java.util.List;

/**
 * What suggestions are built from for one indexed document: its title, headings and best topics, without the
 * body. See {@link SearchIndex#outlines(int)}.
 *
 * @param topics the document's best topics in the whole collection, best first
 */
public record DocumentOutline(
        String url, String title, List<String> headings, String site, List<TopicExtractor.Topic> topics) {
    public DocumentOutline {
        headings = List.copyOf(headings);
        topics = List.copyOf(topics);
    }
}
