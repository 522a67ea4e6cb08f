package io.chatda.hangul;

import io.chatda.hangul.LoanwordSpeller.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * English words written in Hangul the way Korean loanwords are (deadlock → 데드락, server → 서버),
 * so that a Korean query word can find the English word of a page. Pronunciations come from the
 * CMU Pronouncing Dictionary; words it lacks are split into dictionary words (elasticsearch =
 * elastic + search) or guessed letter by letter. Spellings follow the English rules of the
 * loanword orthography (외래어 표기법), plus the popular variants where usage differs from it
 * systematically (데드록 is the rule, 데드락 what people write). See docs/hangul.md.
 *
 * <p>Stateless and thread-safe; the dictionary (about 3 MB of heap) is loaded on first use.
 */
public final class Loanwords {
    private Loanwords() {}

    private static final int MAX_SPELLINGS = 3;
    /** Extra cost of the dictionary's second pronunciation. */
    private static final double SECOND_PRONUNCIATION = 0.45;
    /** Longest word that is tried as a compound of dictionary words. */
    private static final int MAX_COMPOUND_LENGTH = 40;

    /**
     * Up to three Hangul spellings of an English word, most likely first. The word must consist of
     * the letters a–z (either case); anything else gives an empty list.
     *
     * @throws NullPointerException if {@code englishWord} is null
     */
    public static List<String> spellings(String englishWord) {
        Objects.requireNonNull(englishWord, "englishWord");
        if (englishWord.isEmpty() || !englishWord.chars().allMatch(Loanwords::isLatinLetter)) {
            return List.of();
        }
        return rank(pronunciations(englishWord.toLowerCase(Locale.ROOT)));
    }

    private static boolean isLatinLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The dictionary's pronunciations (compounds marked), a split into words, or a guess. */
    static List<Pronunciation> pronunciations(String word) {
        PronouncingDictionary dictionary = PronouncingDictionary.get();
        List<Pronunciation> known = dictionary.lookup(word);
        if (!known.isEmpty()) {
            List<Pronunciation> marked = new ArrayList<>(known.size());
            for (Pronunciation p : known) {
                marked.add(Compounds.mark(p, dictionary));
            }
            return marked;
        }
        Pronunciation derived = Compounds.inflected(word, dictionary);
        if (derived == null && word.length() <= MAX_COMPOUND_LENGTH) {
            derived = Compounds.split(word, dictionary);
        }
        return List.of(derived != null ? derived : dictionary.guess(word));
    }

    private static List<String> rank(List<Pronunciation> pronunciations) {
        Map<String, Double> costs = new LinkedHashMap<>();
        for (int k = 0; k < pronunciations.size(); k++) {
            Pronunciation p = pronunciations.get(k);
            double base = k * SECOND_PRONUNCIATION;
            Set<Variant> applicable = EnumSet.noneOf(Variant.class);
            offer(costs, LoanwordSpeller.spell(p, Set.of(), applicable), base);
            List<Variant> variants = new ArrayList<>(applicable);
            for (int a = 0; a < variants.size(); a++) {
                Variant v = variants.get(a);
                offer(costs, spell(p, EnumSet.of(v)), base + v.cost);
                for (int b = a + 1; b < variants.size(); b++) {
                    Variant w = variants.get(b);
                    offer(costs, spell(p, EnumSet.of(v, w)), base + v.cost + w.cost);
                }
            }
        }
        return costs.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(MAX_SPELLINGS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String spell(Pronunciation p, Set<Variant> flipped) {
        return LoanwordSpeller.spell(p, flipped, EnumSet.noneOf(Variant.class));
    }

    private static void offer(Map<String, Double> costs, String spelling, double cost) {
        if (!spelling.isEmpty() && spelling.chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3)) {
            costs.merge(spelling, cost, Math::min);
        }
    }
}
