package io.chatda.bench.search;

import io.chatda.search.SearchDocument;

/**
 * One evaluated page.
 *
 * @param corpus the corpus (and chatda site) it comes from
 * @param key    its URL relative to the corpus folder: stable across machines and work folders, so
 *               the half a query falls in and the randomness that made it don't depend on where
 *               the corpus was unpacked
 * @param title  the title as a user remembers it ({@link Titles#clean})
 * @param doc    the document as both engines index it
 */
record Page(String corpus, String key, String title, SearchDocument doc) {

    /** Title, headings and body, lower-cased: what "occurs on the page" means for a query word. */
    String text() {
        return (title + " " + doc.title() + " " + String.join(" ", doc.headings()) + " " + doc.body())
                .toLowerCase(java.util.Locale.ROOT);
    }
}
