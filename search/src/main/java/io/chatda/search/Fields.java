package io.chatda.search;

import java.util.List;

/** Names of the index fields and their ranking weights, shared by writing, searching and highlighting. */
final class Fields {
    static final String URL = "url";
    static final String URL_WORDS = "urlwords";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String BODY = "body";
    static final String ANCHORS = "anchors";
    static final String TOPICS = "topics";
    static final String SITE = "site";
    static final String LANGUAGE = "lang";
    static final String LINKS = "links";
    static final String AUTHORITY = "authority";
    static final String ANCHORS_HASH = "anchorsig";
    /** Stored only: the {@link ContentRuns} of the title, and of the headings and body. */
    static final String TITLE_RUNS = "titleruns";
    static final String TEXT_RUNS = "textruns";

    /** A searched text field and its weight in the BM25F-style sum. */
    record Weighted(String name, float weight, boolean bilingual) {
    }

    /** Every text field a user word is looked up in, strongest evidence first. */
    static final List<Weighted> SEARCHED = List.of(
            new Weighted(TITLE, 4f, true),
            new Weighted(ANCHORS, 2f, true),
            new Weighted(HEADINGS, 1.5f, true),
            new Weighted(TOPICS, 1.5f, true),
            new Weighted(URL_WORDS, 1f, false),
            new Weighted(BODY, 1f, true));

    private Fields() {
    }
}
