package io.chatda.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words and recurring phrases of a collection, as written, counted by the documents they occur in: what the
 * completion engine suggests beyond titles and headings. Feed it every document ({@link #add}), then
 * {@link #build} the entries.
 *
 * <p>A word is a run of letters and digits between word boundaries ({@link WordSplitter}), lower-cased unless the
 * collection only ever writes it capitalised. A Korean word loses its particle or ending (멱등성을 → 멱등성, 직렬화하는
 * → 직렬화, deadlock이 → deadlock) when the collection attests the rest: it occurs on its own, or with two different
 * endings; otherwise it stays whole. Predicates (있습니다) and English stop words are no words. A phrase is two or
 * three words in a row with only white space between them, its last word without its ending and the others bare (교착상태
 * 예방, thread pool): every pair, so that the next word completes (weighted by how many documents have it, halved
 * when its words are not associated: PMI below {@link Settings#minPmi}), and triples that are associated. So every entry is a
 * string of the text that starts at a word boundary and ends at one or before a Korean ending.
 *
 * <p>Phrase candidates are counted in a map of at most {@link Settings#maxCandidates}, words in one of at most
 * {@link Settings#maxWordCandidates}; when one is full its rarest are dropped (lossy counting), so on a large
 * collection only recurring phrases and words survive. Not thread-safe.
 */
public final class Vocabulary {

    /**
     * Limits and thresholds.
     *
     * @param maxWords          most word entries kept (most documents first)
     * @param maxPhrases        most phrase entries kept (most documents first)
     * @param maxCandidates     most phrase candidates counted at once
     * @param maxWordCandidates most distinct words (each form with its ending) counted at once
     * @param minPmi            least pointwise mutual information (natural log, per word pair) of a three-word phrase
     *                          and of a two-word one at full weight
     * @param boilerplateShare  a phrase on more than this share of a site's documents (of at least 20) is boilerplate:
     *                          a repeated heading or link list, weighted down tenfold
     */
    public record Settings(
            int maxWords,
            int maxPhrases,
            int maxCandidates,
            int maxWordCandidates,
            double minPmi,
            double boilerplateShare) {
        public static final Settings DEFAULT = new Settings(500_000, 400_000, 600_000, 1_500_000, 0.7, 0.3);
    }

    /** Weight per log2(1 + documents) of a word; a title weighs 3. */
    public static final double WORD_WEIGHT = 0.6;
    /** Weight per log2(1 + documents) of a phrase. */
    public static final double PHRASE_WEIGHT = 0.3;
    /** Most weight a word or phrase gets, however common: below a title's. */
    public static final double MAX_WEIGHT = 2.4;

    private static final char SITE_END = '\u0000';
    private static final char WORD_SEP = '\u0001';
    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with", "we", "you", "can", "from", "has", "have", "its", "our", "so", "than", "when", "which",
            "while", "who", "what", "how", "do", "does", "also", "all", "one", "may", "must", "should", "would",
            "could", "been", "were", "more", "most", "other", "some", "any", "each", "only");

    private final Settings settings;
    private final Map<String, Word> words = new HashMap<>();
    private final Map<String, int[]> phrases = new HashMap<>();
    private final Map<String, int[]> documentsPerSite = new HashMap<>();
    private int pruneBelow = 1;
    private int wordPruneBelow = 1;

    /** Counts of one word (lower-cased) of one site. */
    private static final class Word {
        String form;
        int documents;

        Word(String form) {
            this.form = form;
        }
    }

    public Vocabulary() {
        this(Settings.DEFAULT);
    }

    public Vocabulary(Settings settings) {
        this.settings = settings;
    }

    /** Counts one document of {@code site} made of {@code texts} (title, headings, body: phrases never span two). */
    public void add(String site, List<String> texts) {
        String prefix = site + SITE_END;
        Set<String> seenWords = new HashSet<>();
        Set<String> seenPhrases = new HashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            WordSplitter.segments(text, segment -> {
                String[] keys = new String[segment.size()];
                for (int i = 0; i < keys.length; i++) {
                    String form = segment.get(i);
                    keys[i] = form.toLowerCase(Locale.ROOT);
                    String key = prefix + keys[i];
                    Word w = words.computeIfAbsent(key, k -> new Word(form));
                    if (!w.form.equals(keys[i]) && form.equals(keys[i])) {
                        w.form = form; // lower case once seen so: Thread at a sentence start is thread
                    }
                    if (seenWords.add(key)) {
                        w.documents++;
                    }
                }
                for (int i = 0; i + 1 < keys.length; i++) {
                    if (STOP.contains(keys[i])) {
                        continue;
                    }
                    String two = prefix + keys[i] + WORD_SEP + keys[i + 1];
                    if (!STOP.contains(keys[i + 1])) {
                        seenPhrases.add(two);
                    }
                    if (i + 2 < keys.length && !STOP.contains(keys[i + 2])) {
                        seenPhrases.add(two + WORD_SEP + keys[i + 2]);
                    }
                }
            });
        }
        for (String phrase : seenPhrases) {
            phrases.computeIfAbsent(phrase, k -> new int[1])[0]++;
        }
        documentsPerSite.computeIfAbsent(site, k -> new int[1])[0]++;
        if (phrases.size() > settings.maxCandidates()) {
            // down to three quarters, so that the next pruning is many documents away, not the next one
            while (phrases.size() > settings.maxCandidates() / 4 * 3) {
                prune();
            }
        }
        if (words.size() > settings.maxWordCandidates()) {
            while (words.size() > settings.maxWordCandidates() / 4 * 3) {
                for (Iterator<Word> it = words.values().iterator(); it.hasNext(); ) {
                    if (it.next().documents <= wordPruneBelow) {
                        it.remove();
                    }
                }
                wordPruneBelow++;
            }
        }
    }

    /** Drops the rarest phrase candidates, raising the bar each time: lossy counting. */
    private void prune() {
        for (Iterator<int[]> it = phrases.values().iterator(); it.hasNext(); ) {
            if (it.next()[0] <= pruneBelow) {
                it.remove();
            }
        }
        pruneBelow++;
    }

    /** The entries of everything added so far, kinds {@code WORD} and {@code PHRASE}, with the site of each. */
    public Built build() {
        Map<String, Integer> endingsPerStem = new HashMap<>();
        for (String key : words.keySet()) {
            String word = key.substring(key.indexOf(SITE_END) + 1);
            String site = key.substring(0, key.indexOf(SITE_END) + 1);
            for (String stem : KoreanEndings.stems(word)) {
                endingsPerStem.merge(site + stem, 1, Integer::sum);
            }
        }
        Map<String, String> resolved = new HashMap<>();
        Map<String, Term> terms = new HashMap<>();
        for (Map.Entry<String, Word> e : words.entrySet()) {
            String key = e.getKey();
            String stemKey = resolve(key, endingsPerStem);
            resolved.put(key, stemKey);
            if (isName(stemKey)) {
                Term t = terms.computeIfAbsent(stemKey, k -> new Term(k, display(k, key), 1));
                t.documents += e.getValue().documents;
            }
        }
        List<Term> wordTerms = new ArrayList<>(terms.values());
        wordTerms.removeIf(t -> codePoints(t.key) < 2
                || t.key.chars().skip(t.key.indexOf(SITE_END) + 1L).allMatch(Character::isDigit));
        Map<String, Term> phraseTerms = new HashMap<>();
        for (Map.Entry<String, int[]> e : phrases.entrySet()) {
            Term t = phrase(e.getKey(), resolved);
            if (t != null) {
                Term merged = phraseTerms.computeIfAbsent(t.key, k -> t);
                merged.documents += e.getValue()[0];
                merged.pmi = Math.max(merged.pmi, pmi(e.getKey(), e.getValue()[0]));
            }
        }
        List<Term> phraseList = new ArrayList<>(phraseTerms.values());
        phraseList.removeIf(t -> t.words > 2 && t.pmi < settings.minPmi()); // any two words in a row: the next word
        Comparator<Term> byDocuments = Comparator.comparingInt((Term t) -> -t.documents)
                .thenComparing((Term t) -> -t.pmi)
                .thenComparing(t -> t.key);
        wordTerms.sort(byDocuments);
        phraseList.sort(byDocuments);
        List<SuggestEntry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Term t : wordTerms.subList(0, Math.min(settings.maxWords(), wordTerms.size()))) {
            entries.add(entry(t, WORD_WEIGHT, SuggestEntry.Kind.WORD, 1));
            keys.add(t.key);
        }
        for (Term t : phraseList.subList(0, Math.min(settings.maxPhrases(), phraseList.size()))) {
            int siteDocuments = documentsPerSite.get(site(t.key))[0];
            double factor = siteDocuments >= 20 && t.documents > settings.boilerplateShare() * siteDocuments
                    ? 0.1
                    : t.pmi < settings.minPmi() ? 0.5 : 1;
            entries.add(entry(t, PHRASE_WEIGHT, SuggestEntry.Kind.PHRASE, factor));
            keys.add(t.key);
        }
        return new Built(entries, keys);
    }

    /** The words and phrases built, and a test of whether a text is one of them. */
    public static final class Built {
        private final List<SuggestEntry> entries;
        private final Set<String> keys;

        Built(List<SuggestEntry> entries, Set<String> keys) {
            this.entries = List.copyOf(entries);
            this.keys = keys;
        }

        public List<SuggestEntry> entries() {
            return entries;
        }

        /** Whether {@code text} (words separated by single spaces) is a word or phrase of {@code site}. */
        public boolean contains(String site, String text) {
            return keys.contains(site + SITE_END + text.toLowerCase(Locale.ROOT));
        }
    }

    /** A word or phrase being counted; {@code key} is its site, {@value #SITE_END}, lower-cased text. */
    private static final class Term {
        final String key;
        final String text;
        final int words;
        int documents;
        double pmi = Double.NEGATIVE_INFINITY;

        Term(String key, String text, int words) {
            this.key = key;
            this.text = text;
            this.words = words;
        }
    }

    private static SuggestEntry entry(Term t, double perLog, SuggestEntry.Kind kind, double factor) {
        double weight = Math.min(MAX_WEIGHT, perLog * Math.log(1 + t.documents) / Math.log(2)) * factor;
        return new SuggestEntry(t.text, weight, kind, "", site(t.key));
    }

    private static String site(String key) {
        return key.substring(0, key.indexOf(SITE_END));
    }

    /**
     * The key of the word {@code key} names once its endings are stripped (도구에서부터 → 도구에서 → 도구), or
     * {@code key} itself.
     */
    private String resolve(String key, Map<String, Integer> endingsPerStem) {
        int siteEnd = key.indexOf(SITE_END) + 1;
        String site = key.substring(0, siteEnd);
        String current = key;
        for (int round = 0; round < 3; round++) {
            String next = strip(site, current.substring(siteEnd), endingsPerStem);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    private String strip(String site, String word, Map<String, Integer> endingsPerStem) {
        for (String stem : KoreanEndings.stems(word)) {
            String stemKey = site + stem;
            if (KoreanEndings.certain(word, stem)
                    || words.containsKey(stemKey)
                    || endingsPerStem.getOrDefault(stemKey, 0) >= 2) {
                return stemKey;
            }
        }
        return null;
    }

    /** How the word of {@code stemKey} is written: its own form, else the start of the form of {@code from}. */
    private String display(String stemKey, String from) {
        Word own = words.get(stemKey);
        if (own != null) {
            return own.form;
        }
        String form = words.get(from).form;
        int length = stemKey.length() - stemKey.indexOf(SITE_END) - 1;
        String lower = from.substring(from.indexOf(SITE_END) + 1);
        return form.length() == lower.length()
                ? form.substring(0, length)
                : stemKey.substring(stemKey.length() - length);
    }

    private static boolean isName(String key) {
        String word = key.substring(key.indexOf(SITE_END) + 1);
        return !STOP.contains(word) && !KoreanEndings.notAName(word);
    }

    /** The phrase a candidate names, or null when a word before the last has an ending or one is no name. */
    private Term phrase(String key, Map<String, String> resolved) {
        int siteEnd = key.indexOf(SITE_END) + 1;
        String site = key.substring(0, siteEnd);
        String[] parts = key.substring(siteEnd).split(String.valueOf(WORD_SEP));
        StringBuilder lower = new StringBuilder(site);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String wordKey = site + parts[i];
            String stemKey = resolved.get(wordKey);
            if (stemKey == null || i < parts.length - 1 && !stemKey.equals(wordKey)) { // a rare word was dropped
                return null;
            }
            if (!isName(stemKey) || (i == parts.length - 1 && codePoints(stemKey) < 2)) {
                return null;
            }
            if (i > 0) {
                lower.append(' ');
                text.append(' ');
            }
            lower.append(stemKey, siteEnd, stemKey.length());
            text.append(display(stemKey, wordKey));
        }
        return new Term(lower.toString(), text.toString(), parts.length);
    }

    /** PMI of a candidate's words per word pair: ln(P(phrase) / ∏ P(word)) / (words − 1), over documents. */
    private double pmi(String key, int documents) {
        int siteEnd = key.indexOf(SITE_END) + 1;
        String site = key.substring(0, siteEnd);
        double n = documentsPerSite.get(key.substring(0, siteEnd - 1))[0];
        String[] parts = key.substring(siteEnd).split(String.valueOf(WORD_SEP));
        double logRatio = Math.log(documents / n);
        for (String part : parts) {
            Word w = words.get(site + part);
            logRatio -= Math.log((w == null ? wordPruneBelow : w.documents) / n);
        }
        return logRatio / (parts.length - 1);
    }

    private static int codePoints(String key) {
        return key.codePointCount(key.indexOf(SITE_END) + 1, key.length());
    }
}
