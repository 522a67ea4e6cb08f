package io.chatda.suggest;

import java.util.Objects;

/**
 * A candidate the engine may suggest.
 *
 * @param text   what the user would see and search for
 * @param weight popularity or importance, at least 0; higher ranks first
 * @param kind   where it came from
 * @param url    the document's address for titles and headings, else empty
 * @param site   the site the candidate belongs to, for {@code site=} filtering; empty for none (queries)
 */
public record SuggestEntry(String text, double weight, Kind kind, String url, String site) {

    /** Source of a suggestion, shown so users can tell a page title from a popular query. */
    public enum Kind {
        TITLE,
        HEADING,
        TOPIC,
        QUERY,
        /** A word of the collection ({@link Vocabulary}). */
        WORD,
        /** Two or three words that recur together in the collection ({@link Vocabulary}). */
        PHRASE
    }

    public SuggestEntry {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0: " + weight);
        }
        url = Objects.requireNonNullElse(url, "");
        site = Objects.requireNonNullElse(site, "");
    }

    /** A candidate that belongs to no site. */
    public SuggestEntry(String text, double weight, Kind kind, String url) {
        this(text, weight, kind, url, "");
    }
}
