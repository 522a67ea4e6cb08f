package io.chatda.search;

/** Names of the index fields, shared by writing, searching and highlighting. */
final class Fields {
    static final String URL = "url";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String BODY = "body";
    static final String SITE = "site";
    static final String LANGUAGE = "lang";

    private Fields() {
    }
}
