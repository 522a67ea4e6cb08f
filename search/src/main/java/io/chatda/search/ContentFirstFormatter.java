package io.chatda.search;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Picks a snippet's passages from the page's own text rather than its link lists: of the best
 * {@value #CANDIDATES} passages the highlighter found, the best {@value #SHOWN} before the body's
 * {@link SearchDocument#LINK_LISTS} marker are shown, and passages after it only when none matched before it.
 */
final class ContentFirstFormatter extends PassageFormatter {

    /** Passages asked of the highlighter per document. */
    static final int CANDIDATES = 5;
    /** Passages shown in a snippet. */
    static final int SHOWN = 2;

    private final DefaultPassageFormatter delegate;

    ContentFirstFormatter(DefaultPassageFormatter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object format(Passage[] passages, String content) {
        int marker = content.indexOf(SearchDocument.LINK_LISTS);
        int boundary = marker < 0 ? Integer.MAX_VALUE : marker;
        boolean inText = Arrays.stream(passages).anyMatch(p -> p.getStartOffset() < boundary);
        Passage[] chosen = Arrays.stream(passages)
                .filter(p -> !inText || p.getStartOffset() < boundary)
                .sorted(Comparator.comparing(Passage::getScore, Comparator.reverseOrder()))
                .limit(SHOWN)
                .sorted(Comparator.comparingInt(Passage::getStartOffset))
                .toArray(Passage[]::new);
        String formatted = (String) delegate.format(chosen, content);
        return formatted.replace(SearchDocument.LINK_LISTS, ' ');
    }
}
