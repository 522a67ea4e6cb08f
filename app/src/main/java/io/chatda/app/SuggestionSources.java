package io.chatda.app;

import io.chatda.search.DocumentOutline;
import io.chatda.search.SearchIndex;
import io.chatda.search.TopicExtractor;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import io.chatda.suggest.SuggestEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the suggestion dictionary from what the index holds (document titles, headings and topics)
 * plus the query log's popular queries. Topics are scored over the whole collection at each build
 * (see docs/suggest.md for why not at import time), from the content runs the index stored with
 * each document.
 */
final class SuggestionSources {

    static final double TITLE_WEIGHT = 3;
    static final double HEADING_WEIGHT = 1;
    static final double TOPIC_WEIGHT = 1;
    static final int TOPICS_PER_DOCUMENT = 5;

    /** Hash of this class's and the topic extractor's code: a dictionary built by other code is stale. */
    private static final String CODE = DictionarySnapshot.bytecodeHash(SuggestionSources.class, TopicExtractor.class);

    private SuggestionSources() {
    }

    /**
     * What a dictionary built now would be built from, as a string that changes whenever the inputs
     * do: the index's {@linkplain SearchIndex#lastCommitId() last commit}, the query log's
     * {@code logState} and the building code. Taken <em>before</em> reading the inputs, so a change in
     * between makes a saved dictionary look stale, never current.
     */
    static String fingerprint(SearchIndex index, long logState) {
        return indexPart(index) + Long.toHexString(logState) + codePart();
    }

    /**
     * Whether a dictionary with this {@link #fingerprint} was built by this code from the index's current commit,
     * with whatever the query log held then.
     */
    static boolean builtFromIndex(String fingerprint, SearchIndex index) {
        return fingerprint.startsWith(indexPart(index)) && fingerprint.endsWith(codePart());
    }

    private static String indexPart(SearchIndex index) {
        return "index=" + index.lastCommitId() + ";log=";
    }

    private static String codePart() {
        return ";code=" + CODE;
    }

    /** The dictionary of {@code index} and {@code queries} (query-log entries, already weighted). */
    static CompletionIndex build(SearchIndex index, List<SuggestEntry> queries) {
        List<SuggestEntry> entries = new ArrayList<>(queries);
        List<DocumentOutline> outlines = index.outlines(TOPICS_PER_DOCUMENT);
        for (DocumentOutline doc : outlines) {
            entries.add(new SuggestEntry(doc.title(), TITLE_WEIGHT, SuggestEntry.Kind.TITLE, doc.url(), doc.site()));
            for (String heading : doc.headings()) {
                entries.add(new SuggestEntry(heading, HEADING_WEIGHT, SuggestEntry.Kind.HEADING, doc.url(), doc.site()));
            }
        }
        for (DocumentOutline doc : outlines) {
            for (TopicExtractor.Topic topic : doc.topics()) {
                entries.add(new SuggestEntry(topic.phrase(), TOPIC_WEIGHT, SuggestEntry.Kind.TOPIC, "", doc.site()));
            }
        }
        return CompletionIndex.build(entries);
    }
}
