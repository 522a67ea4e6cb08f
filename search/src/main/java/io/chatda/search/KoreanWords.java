package io.chatda.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a typed word looks like without the particle or ending Koreans attach to it: {@code 데드락을}
 * → 데드락, {@code 레이어추가하기} → 레이어추가. Used where nori can't help because the word is
 * unknown to it (loanwords, glosses, bigrams). Pure functions over the text.
 */
final class KoreanWords {

    /** Particles and light endings, longest first so that 에서는 is tried before 는. */
    private static final List<String> ENDINGS = List.of(
            "이라는", "에서는", "으로는", "에게는", "이라고", "하기", "하는", "하다", "에서", "에게", "으로", "로는", "까지", "부터", "보다", "처럼", "이란",
            "라는", "에는", "이나", "와의", "과의", "하고", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "란",
            "나", "한");

    private KoreanWords() {}

    /** Whether the text has at least one Hangul syllable or jamo. */
    static boolean hasHangul(CharSequence text) {
        return text.codePoints().anyMatch(KoreanWords::isHangul);
    }

    /** Whether the text has a Latin letter. */
    static boolean hasLatin(CharSequence text) {
        return text.codePoints().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    /** Whether every character is a Hangul syllable. */
    static boolean allSyllables(CharSequence text) {
        return !text.isEmpty() && text.codePoints().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }

    static boolean isHangul(int c) {
        return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E);
    }

    /**
     * The word and, if it is all Hangul syllables and ends in a particle or light ending leaving at
     * least two syllables, the word without it; the whole word first.
     */
    static List<String> stems(String word) {
        List<String> out = new ArrayList<>(2);
        out.add(word);
        if (!allSyllables(word)) {
            return out;
        }
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 2) {
                out.add(word.substring(0, word.length() - ending.length()));
                break;
            }
        }
        return out;
    }

    /** The word without its particle, if it has one (the last of {@link #stems}). */
    static String stem(String word) {
        List<String> stems = stems(word);
        return stems.get(stems.size() - 1);
    }
}
