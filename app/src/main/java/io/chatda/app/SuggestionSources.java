package io.chatda.app;

import io.chatda.search.DocumentOutline;
import io.chatda.search.SearchIndex;
import io.chatda.search.TopicExtractor;
import io.chatda.suggest.CompletionIndex;
import io.chatda.suggest.DictionarySnapshot;
import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Builds the suggestion dictionary from what the index holds (document titles, headings, topics, and the
 * {@link Vocabulary} of every word and recurring phrase of the pages' texts) plus the query log's popular queries,
 * which outweigh what the corpus merely contains. Topics are scored over the whole collection at each build
 * (see docs/suggest.md for why not at import time), from the content runs the index stored with
 * each document, and kept only where they are words or phrases of the text (never a compound's tail).
 * A heading repeated on many pages of a site (관련 문서) is boilerplate and weighs little.
 */
public final class SuggestionSources {

    static final double TITLE_WEIGHT = 3;
    static final double HEADING_WEIGHT = 1;
    static final double TOPIC_WEIGHT = 1;
    static final int TOPICS_PER_DOCUMENT = 5;
    /** A logged query's weight per decayed search: one search outweighs a title, so what people search comes first. */
    static final double QUERY_WEIGHT = 4;
    /** A heading on at least this many pages of a site, and on more than {@link #BOILERPLATE_SHARE} of them, ... */
    static final int BOILERPLATE_PAGES = 3;

    static final double BOILERPLATE_SHARE = 0.05;
    /** ... weighs this much in all, however many pages repeat it. */
    static final double BOILERPLATE_WEIGHT = 0.1;

    /** Hash of this class's and the topic extractor's code: a dictionary built by other code is stale. */
    private static final String CODE =
            DictionarySnapshot.bytecodeHash(SuggestionSources.class, TopicExtractor.class, Vocabulary.class);

    private SuggestionSources() {}

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

    /** The dictionary of {@code index} and {@code queries} (query-log entries, weighted by their decayed counts). */
    static CompletionIndex build(SearchIndex index, List<SuggestEntry> queries) {
        return build(index, queries, () -> false);
    }

    /**
     * {@link #build(SearchIndex, List)} that gives up when {@code stopping} says so.
     *
     * @throws RebuildStoppedException once {@code stopping} says so (checked at each page and each step)
     */
    static CompletionIndex build(SearchIndex index, List<SuggestEntry> queries, BooleanSupplier stopping) {
        List<SuggestEntry> entries = entries(index, queries, stopping);
        stopIf(stopping);
        return CompletionIndex.build(entries);
    }

    /** The candidates a dictionary of {@code index} and {@code queries} is built from (for benchmarks too). */
    public static List<SuggestEntry> entries(SearchIndex index, List<SuggestEntry> queries) {
        return entries(index, queries, () -> false);
    }

    private static List<SuggestEntry> entries(SearchIndex index, List<SuggestEntry> queries, BooleanSupplier stopping) {
        List<SuggestEntry> entries = new ArrayList<>();
        for (SuggestEntry q : queries) {
            entries.add(new SuggestEntry(q.text(), q.weight() * QUERY_WEIGHT, q.kind(), q.url(), q.site()));
        }
        Vocabulary vocabulary = new Vocabulary();
        Map<String, int[]> pagesPerSite = new HashMap<>();
        Map<String, int[]> pagesPerHeading = new HashMap<>();
        index.forEachPageText(page -> {
            stopIf(stopping);
            List<String> texts = new ArrayList<>(page.headings().size() + 2);
            texts.add(page.title());
            texts.addAll(page.headings());
            texts.add(page.body());
            vocabulary.add(site(page.site()), texts);
            pagesPerSite.computeIfAbsent(site(page.site()), k -> new int[1])[0]++;
            page.headings().stream()
                    .map(h -> headingKey(page.site(), h))
                    .distinct()
                    .forEach(k -> pagesPerHeading.computeIfAbsent(k, x -> new int[1])[0]++);
        });
        stopIf(stopping);
        Vocabulary.Built words = vocabulary.build();
        entries.addAll(words.entries());
        stopIf(stopping);
        List<DocumentOutline> outlines = index.outlines(TOPICS_PER_DOCUMENT);
        for (DocumentOutline doc : outlines) {
            entries.add(new SuggestEntry(doc.title(), TITLE_WEIGHT, SuggestEntry.Kind.TITLE, doc.url(), doc.site()));
            for (String heading : doc.headings()) {
                int pages = pagesPerHeading.getOrDefault(headingKey(doc.site(), heading), new int[] {1})[0];
                int sitePages = pagesPerSite.getOrDefault(site(doc.site()), new int[] {1})[0];
                double weight = pages >= BOILERPLATE_PAGES && pages > BOILERPLATE_SHARE * sitePages
                        ? BOILERPLATE_WEIGHT / pages
                        : HEADING_WEIGHT;
                entries.add(new SuggestEntry(heading, weight, SuggestEntry.Kind.HEADING, doc.url(), doc.site()));
            }
        }
        for (DocumentOutline doc : outlines) {
            for (TopicExtractor.Topic topic : doc.topics()) {
                if (words.contains(site(doc.site()), topic.phrase())) {
                    entries.add(
                            new SuggestEntry(topic.phrase(), TOPIC_WEIGHT, SuggestEntry.Kind.TOPIC, "", doc.site()));
                }
            }
        }
        return entries;
    }

    private static void stopIf(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            throw new RebuildStoppedException();
        }
    }

    private static String site(String site) {
        return site == null ? "" : site;
    }

    private static String headingKey(String site, String heading) {
        return site(site) + '\u0000' + heading.strip().toLowerCase(Locale.ROOT);
    }
}
