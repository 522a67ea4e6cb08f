package io.chatda.server.core;

/**
 * How the document view treats a stored document's HTML, supplied by the app so the view follows the rules
 * the documents were imported by: the same safelist cleans the HTML once more before it is shown, and
 * headings get the same slugs that imported section URLs end in ({@code file:///notes.md#slug}).
 */
public interface DocumentMarkup {

    /** For data without a document view; using it is a wiring mistake and fails loudly. */
    DocumentMarkup NONE = new DocumentMarkup() {
        @Override
        public String clean(String html, String baseUrl) {
            throw new IllegalStateException("no document markup was given to the server");
        }

        @Override
        public String slug(String heading) {
            throw new IllegalStateException("no document markup was given to the server");
        }
    };

    /**
     * {@code html} reduced to what a view may show: no script, style, handler, image or form; links keep
     * only http, https and file URLs, resolved against {@code baseUrl}.
     */
    String clean(String html, String baseUrl);

    /** The fragment id of a heading, as the import spells section URLs. */
    String slug(String heading);
}
