package io.chatda.suggest;

import java.util.List;

/**
 * One answer to a prefix.
 *
 * @param text  the entry's text as it was given
 * @param kind  where it came from
 * @param url   the document's address for titles and headings, else empty
 * @param site  the entry's site, or empty
 * @param score what it ranked by: the entry's weight times the quality of the match
 * @param match how it matched
 * @param spans the parts of {@code text} that matched, to highlight; UTF-16 ranges in text order
 */
public record Suggestion(
        String text, SuggestEntry.Kind kind, String url, String site, double score, Match match, List<Span> spans) {

    /** How the typed text reached the entry, best first; the score multiplies the weight by {@link #quality}. */
    public enum Match {
        PREFIX(1.0),
        WORD(0.8),
        CHOSEONG(0.6),
        LAYOUT(0.6),
        TYPO(0.4);

        private final double quality;

        Match(double quality) {
            this.quality = quality;
        }

        /** The factor applied to the entry's weight. */
        public double quality() {
            return quality;
        }
    }

    /** A highlighted range {@code [start, end)} of UTF-16 indexes into the text. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }
    }

    public Suggestion {
        spans = List.copyOf(spans);
    }
}
