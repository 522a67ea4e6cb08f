package io.chatda.app;

import io.chatda.search.SearchIndex;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggester;
import java.util.ArrayList;
import java.util.List;

/** Builds the suggestion dictionary from what the index holds: document titles and headings. */
final class SuggestionSources {

    private static final double TITLE_WEIGHT = 2;
    private static final double HEADING_WEIGHT = 1;

    private SuggestionSources() {
    }

    static Suggester build(SearchIndex index) {
        List<SuggestEntry> entries = new ArrayList<>();
        index.forEach(doc -> {
            entries.add(new SuggestEntry(doc.title(), TITLE_WEIGHT, SuggestEntry.Kind.TITLE, doc.url()));
            for (String heading : doc.headings()) {
                entries.add(new SuggestEntry(heading, HEADING_WEIGHT, SuggestEntry.Kind.HEADING, doc.url()));
            }
        });
        return CompletionIndex.build(entries);
    }
}
