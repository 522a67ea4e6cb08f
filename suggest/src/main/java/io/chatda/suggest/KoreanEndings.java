package io.chatda.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The particles and endings a Korean word (eojeol) may carry after its noun: 멱등성을 is 멱등성 + 을, 직렬화하는 is
 * 직렬화 + 하는, deadlock이 is deadlock + 이. Which split is right is decided by the collection ({@link Vocabulary}
 * strips an ending only when the rest is seen on its own or with another ending), so 마이크로 stays whole unless
 * 마이크 is a word there. Also tells predicates (있습니다, 발생하는) and bare endings (하여) from nouns.
 */
final class KoreanEndings {

    /** Particles, the copula and 하다/되다 forms, longest first. */
    private static final List<String> SUFFIXES = sortedLongestFirst(List.of(
            "에서는", "에서도", "에서의", "으로는", "으로도", "으로서", "으로써", "에게서", "까지는", "부터는", "이라는", "이라고", "이라면", "이지만", "입니다",
            "합니다", "됩니다", "시키는", "하는데", "했습니다", "하였다", "되었다", "에서", "에게", "으로", "까지", "부터", "보다", "처럼", "마다", "이나",
            "이다", "이며", "이고", "이면", "이란", "라는", "라고", "와는", "과는", "에는", "에도", "에의", "로는", "로도", "로서", "로써", "하는", "하고",
            "하면", "하여", "해서", "하기", "하지", "한다", "했다", "하며", "하게", "해야", "된다", "되는", "되어", "되면", "되고", "되지", "적인", "적으로",
            "들이", "들을", "들은", "들의", "들도", "들과", "들에", "이나", "이랑", "께서", "에게는", "에서만", "만의", "만을", "될", "됨", "함", "의",
            "은", "는", "이", "가", "을", "를", "에", "로", "와", "과", "도", "만", "란", "들", "한", "된", "할", "적", "나"));

    /** Endings that make a word a predicate or a connective, not a name anyone searches for. */
    private static final List<String> PREDICATE_ENDINGS = List.of(
            "니다", "는다", "었다", "았다", "였다", "했다", "한다", "된다", "있다", "없다", "이다", "하는", "되는", "있는", "없는", "하고", "하여", "해서",
            "되어", "하면", "하게", "해야", "지만", "면서", "어서", "아서", "려면", "으면", "는데", "니까", "도록", "거나", "든지", "어야", "아야", "려고",
            "으며", "였고", "었고", "았고", "하며", "하지", "되지", "시오", "세요");

    private static final Set<String> BARE = Set.copyOf(SUFFIXES);
    /** Words that are grammar, not names: a bound noun with its particle, adverbs, determiners, connectives. */
    private static final Set<String> GRAMMAR = Set.of(
            "것이", "것은", "것을", "것도", "것과", "것의", "것으로", "것처럼", "수가", "수는", "수도", "때는", "때에", "때의", "때도", "등의", "등을",
            "등이", "등은", "중에", "중의", "및", "또는", "그리고", "하지만", "그러나", "이런", "이러한", "그런", "그러한", "같은", "다른", "모든", "각각",
            "가장", "매우", "더욱", "통해", "위해", "대한", "대해", "따라", "함께", "없이", "때문", "때문에", "있고", "있어", "있으며", "없고", "한번",
            "이것", "그것", "여기", "거기", "바로", "먼저", "다시", "아직", "이미", "항상", "보통", "주로", "특히", "물론", "만약", "즉", "또", "더",
            "잘", "안", "못");

    /**
     * Endings no noun of two syllables or more ends in, stripped without evidence: 메서드를, 서버에서, 처리하는. The
     * others (의, 가, 도, 로, 과, 적...) also end nouns (자본주의, 평가, 속도, 경로, 효과, 목적).
     */
    private static final Set<String> CERTAIN = Set.of(
            "를", "을", "는", "에서", "에서는", "에서도", "에서의", "으로", "으로는", "으로도", "으로서", "으로써", "에게", "에게서", "까지", "까지는", "부터",
            "부터는", "처럼", "마다", "하는", "합니다", "했습니다", "하였다", "되었다", "됩니다", "입니다", "이라는", "이라고", "라는", "하면", "하여", "해서",
            "하기", "된다", "되는", "되어", "한다", "했다", "에는", "에도", "와는", "과는", "들이", "들을", "들은", "들의", "하는데", "시키는", "이라면",
            "이지만", "에", "이나", "이랑", "께서", "에게는", "에서만", "될");
    /** Particles that follow a syllable with a final consonant only (멱등성이), and those that follow one without (사용자가). */
    private static final Set<String> AFTER_FINAL = Set.of("이", "은", "과", "이다", "이며", "이고", "이면", "이란");

    private static final Set<String> AFTER_VOWEL = Set.of("가", "는", "와", "를");

    private KoreanEndings() {}

    private static List<String> sortedLongestFirst(List<String> s) {
        List<String> out = new ArrayList<>(s);
        out.sort((a, b) -> b.length() - a.length());
        return List.copyOf(out);
    }

    /**
     * The stems {@code word} splits into before one of the endings, longest ending first (so shortest stem first).
     * A Hangul stem keeps at least two syllables; a stem ending in Latin letters or digits (api를, http/2의) at least
     * one character.
     */
    static List<String> stems(String word) {
        if (word.isEmpty() || !isHangul(word.charAt(word.length() - 1))) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (String suffix : SUFFIXES) {
            if (word.length() > suffix.length() && word.endsWith(suffix)) {
                String stem = word.substring(0, word.length() - suffix.length());
                char last = stem.charAt(stem.length() - 1);
                if (isHangul(last) ? stem.length() >= 2 : Character.isLetterOrDigit(last)) {
                    out.add(stem);
                }
            }
        }
        return out;
    }

    /** The ending {@code word} has after {@code stem}. */
    static String ending(String word, String stem) {
        return word.substring(stem.length());
    }

    /**
     * Whether {@code word} surely splits before {@code stem} without evidence: after Latin letters or digits
     * (deadlock이), or before an ending no noun ends in (메서드를).
     */
    static boolean certain(String word, String stem) {
        char last = stem.charAt(stem.length() - 1);
        String ending = ending(word, stem);
        if (!isHangul(last) || CERTAIN.contains(ending)) {
            return true;
        }
        boolean hasFinal = (last - 0xAC00) % 28 != 0;
        return hasFinal ? AFTER_FINAL.contains(ending) : AFTER_VOWEL.contains(ending);
    }

    /** Whether {@code word} is a predicate or connective form (있습니다, 발생하는), or itself a bare ending (하여). */
    static boolean notAName(String word) {
        if (BARE.contains(word) || GRAMMAR.contains(word)) {
            return true;
        }
        for (String ending : PREDICATE_ENDINGS) {
            if (word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    static boolean isHangul(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }
}
