package io.chatda.suggest;

import java.util.Objects;

/**
 * A candidate the engine may suggest.
 *
 * @param text   what the user would see and search for
 * @param weight popularity or importance; higher ranks first
 * @param kind   where it came from
 * @param url    the document's address for titles, else empty
 */
public record SuggestEntry(String text, double weight, Kind kind, String url) {

    /** Source of a suggestion, shown so users can tell a page title from a popular query. */
    public enum Kind { QUERY, TITLE, HEADING, TOPIC }

    public SuggestEntry {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        url = Objects.requireNonNullElse(url, "");
    }
}
