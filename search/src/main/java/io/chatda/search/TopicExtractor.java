package io.chatda.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds each document's topics: distinctive phrases of one to four words, scored by TF-IDF against
 * the whole collection. Phrases come from the runs of content words that the index noted while it
 * analysed the document ({@link ContentRuns}: nori content tokens with compounds kept whole, so
 * particles and endings fall away: 교착상태가 and 교착상태를 both give 교착상태, and "검색 엔진은"
 * gives "검색 엔진").
 *
 * <p>Two passes: {@link #add} keeps only a document's phrase counts; {@link #topics} scores them once
 * the document frequencies of the whole collection are known. Not thread-safe; one extractor per
 * dictionary build.
 */
public final class TopicExtractor {

    /** A topic of a document and its TF-IDF score. */
    public record Topic(String phrase, double score) {}

    private static final int MAX_WORDS = 4;
    private static final int TITLE_BOOST = 3;

    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<String, Integer> words = new HashMap<>();

    TopicExtractor() {}

    /**
     * Counts a document's phrases from its {@linkplain ContentRuns runs}: those of its title count
     * {@value #TITLE_BOOST} times, those of its text once. Ids are expected to be unique.
     */
    void add(String id, String titleRuns, String textRuns) {
        add(id, count(titleRuns, textRuns));
    }

    /**
     * A document's phrases and how often it has each, counted apart from the collection (so on any
     * thread) for {@link #add(String, PhraseCounts)}.
     */
    static PhraseCounts count(String titleRuns, String textRuns) {
        Map<String, int[]> tf = new HashMap<>(); // phrase -> {count, words}
        forEachPhrase(titleRuns, (phrase, n) -> tf.computeIfAbsent(phrase, p -> new int[] {0, n})[0] += TITLE_BOOST);
        forEachPhrase(textRuns, (phrase, n) -> tf.computeIfAbsent(phrase, p -> new int[] {0, n})[0]++);
        return new PhraseCounts(tf);
    }

    /** One document's phrases, each with {@code {count, words}}: see {@link #count}. */
    record PhraseCounts(Map<String, int[]> tf) {}

    /** {@link #add(String, String, String)} of phrases already counted. */
    void add(String id, PhraseCounts counted) {
        Map<String, int[]> tf = counted.tf();
        // only phrases seen at least twice can be topics (see topics): the rest count for df only, and
        // keeping them for every document of a large collection would cost gigabytes
        Map<String, Integer> candidates = new HashMap<>();
        tf.forEach((phrase, countAndWords) -> {
            documentFrequency.merge(phrase, 1, Integer::sum);
            if (countAndWords[0] >= 2) {
                candidates.put(phrase, countAndWords[0]);
                words.putIfAbsent(phrase, countAndWords[1]);
            }
        });
        counts.put(id, Map.copyOf(candidates));
    }

    /**
     * The best {@code perDocument} topics of every document added, by id: phrases seen at least
     * twice in it (title phrases count three times), scored {@code tf * log(N / df) * (1 + 0.5 *
     * (tokens - 1))}, a phrase that is part of a better one left out.
     */
    public Map<String, List<Topic>> topics(int perDocument) {
        int n = counts.size();
        Map<String, List<Topic>> out = new LinkedHashMap<>();
        counts.forEach((id, tf) -> {
            List<Topic> scored = new ArrayList<>();
            tf.forEach((phrase, count) -> {
                int df = documentFrequency.get(phrase);
                if (count >= 2 && df < n || n == 1 && count >= 2) {
                    double idf = Math.log((n + 1.0) / df);
                    scored.add(new Topic(phrase, count * idf * (1 + 0.5 * (words.get(phrase) - 1))));
                }
            });
            scored.sort(Comparator.comparingDouble(Topic::score).reversed().thenComparing(Topic::phrase));
            List<Topic> chosen = new ArrayList<>();
            for (Topic t : scored) {
                if (chosen.size() == perDocument) {
                    break;
                }
                if (chosen.stream()
                        .noneMatch(c ->
                                c.phrase().contains(t.phrase()) || t.phrase().contains(c.phrase()))) {
                    chosen.add(t);
                }
            }
            out.put(id, chosen);
        });
        return out;
    }

    /** All phrases of encoded runs, once per occurrence. */
    static List<String> phrases(String runs) {
        List<String> out = new ArrayList<>();
        forEachPhrase(runs, (phrase, n) -> out.add(phrase));
        return out;
    }

    /** Receives a phrase and how many words it joins. */
    @FunctionalInterface
    private interface PhraseConsumer {
        void accept(String phrase, int words);
    }

    /** Every phrase of one to {@value #MAX_WORDS} consecutive words of a run, of at least two characters. */
    private static void forEachPhrase(String runs, PhraseConsumer consumer) {
        List<String> run = new ArrayList<>();
        List<Boolean> spaced = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < runs.length(); i++) {
            char c = runs.charAt(i);
            if (c == ' ' || c == ContentRuns.JOINED || c == '\n') {
                run.add(runs.substring(start, i));
                spaced.add(start > 0 && runs.charAt(start - 1) == ' ');
                start = i + 1;
                if (c == '\n') {
                    emit(run, spaced, consumer);
                }
            }
        }
    }

    private static void emit(List<String> run, List<Boolean> spaced, PhraseConsumer consumer) {
        for (int i = 0; i < run.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int j = i; j < Math.min(run.size(), i + MAX_WORDS); j++) {
                if (j > i && spaced.get(j)) {
                    phrase.append(' ');
                }
                phrase.append(run.get(j));
                if (phrase.codePointCount(0, phrase.length()) >= 2) {
                    consumer.accept(phrase.toString(), j - i + 1);
                }
            }
        }
        run.clear();
        spaced.clear();
    }
}
