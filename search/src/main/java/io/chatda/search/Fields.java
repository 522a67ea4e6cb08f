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
    /** The Hangul spellings of the page's English words, as jamo ({@link LoanwordField}). */
    static final String LOANWORDS = "loan";
    /** The same for the title's English words alone, so a loanword naming the page weighs like a title word. */
    static final String TITLE_LOANWORDS = "loantitle";
    /** Korean-English glosses the page states ({@link Glosses}): one keyword term per direction. */
    static final String GLOSSES = "gloss";
    /** The title's analysed words, sorted and joined: a whole-title match is one term lookup ({@link TitleKey}). */
    static final String TITLE_KEY = "titlekey";

    static final String SITE = "site";
    static final String LANGUAGE = "lang";
    static final String LINKS = "links";
    static final String AUTHORITY = "authority";
    static final String ANCHORS_HASH = "anchorsig";
    /** Stored only: the {@link ContentRuns} of the title, and of the headings and body. */
    static final String TITLE_RUNS = "titleruns";

    static final String TEXT_RUNS = "textruns";
    /** Stored only: the content as sanitised HTML for the document view. */
    static final String VIEW = "view";

    /** A searched text field, its weight in the BM25F-style sum, and whether it has the English and Hangul-bigram subfields. */
    record Weighted(String name, float weight, boolean bilingual, boolean bigrams) {

        /** Whether the field names the page (title, anchors, headings, topics) rather than holding its text. */
        boolean label() {
            return !name.equals(BODY) && !name.equals(URL_WORDS);
        }
    }

    /** Every text field a user word is looked up in, strongest evidence first. */
    static final List<Weighted> SEARCHED = List.of(
            new Weighted(TITLE, 4f, true, true),
            new Weighted(ANCHORS, 2f, true, false),
            new Weighted(HEADINGS, 1.5f, true, true),
            new Weighted(TOPICS, 1.5f, true, false),
            new Weighted(URL_WORDS, 1f, false, false),
            new Weighted(BODY, 1f, true, true));

    private Fields() {}
}
