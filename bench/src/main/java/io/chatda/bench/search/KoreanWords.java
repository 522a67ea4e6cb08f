package io.chatda.bench.search;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Korean word forms for generating queries: the evaluation's own short lists of particles and of
 * endings after action nouns, so that queries never depend on chatda's analysers (which they test).
 *
 * <p>A suffix is stripped only when at least two syllables remain; a one-syllable suffix only when
 * the rest also occurs in the corpus ({@code vocab}: its words as written) on its own or with another
 * particle, so that nouns ending in a particle-like syllable (투명도, 해상도, 효과) stay whole.
 */
final class KoreanWords {

    /** Particles, longest first. */
    static final List<String> PARTICLES = longestFirst(
            "에서는", "으로는", "에게서", "으로서", "으로써", "이라고", "에서도", "까지는", "부터는", "에서의", "에서", "에게", "으로", "께서", "까지", "부터",
            "처럼", "보다", "마다", "이나", "이며", "라고", "와의", "과의", "에는", "에도", "로는", "로도", "와는", "과는", "이란", "란", "은", "는",
            "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로");
    /** Endings after an action noun (설정합니다 → 설정, 사용할 → 사용), longest first. */
    static final List<String> ENDINGS = longestFirst(
            "하십시오", "합니다", "됩니다", "하세요", "시킵니다", "하는", "하고", "하면", "하여", "해서", "하기", "한다", "하지", "되는", "되어", "된다", "되면",
            "했다", "해야", "할", "한", "된", "해");
    /** Verb and adjective endings that no noun has. */
    private static final List<String> VERBAL_ENDINGS =
            List.of("하고", "되고", "있고", "없고", "지만", "어서", "아서", "으면", "려면", "으며", "면서", "는데", "도록");
    /** Words too common or too vague to be remembered as what a page is about. */
    static final Set<String> STOPWORDS = Set.of(
            "있습니다", "있는", "없는", "없습니다", "다른", "어떻게", "무엇", "모든", "같은", "경우", "때문", "이러한", "그리고", "또는", "하지만", "따라서",
            "그러나", "이것", "그것", "여기", "사용", "가지", "통해", "대한", "위한", "이런", "어떤", "여러", "경우에는", "그림", "참고", "다음", "이제",
            "만약", "예를", "또한", "매우", "가장", "정도", "대부분", "하나", "우리", "여러분", "있으며", "있고", "합니다", "것입니다");

    private KoreanWords() {}

    private static List<String> longestFirst(String... suffixes) {
        return Stream.of(suffixes)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    static boolean isSyllable(char c) {
        return c >= '가' && c <= '힣';
    }

    static boolean hasHangul(String s) {
        return s.chars().anyMatch(c -> isSyllable((char) c));
    }

    static boolean allHangul(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> isSyllable((char) c));
    }

    /** The word without a trailing particle, or the word itself. */
    static String stripParticle(String word, Set<String> vocab) {
        return strip(word, PARTICLES, vocab);
    }

    /** The word without a trailing particle and then without an ending after an action noun. */
    static String stem(String word, Set<String> vocab) {
        return strip(stripParticle(word, vocab), ENDINGS, vocab);
    }

    private static String strip(String word, List<String> suffixes, Set<String> vocab) {
        for (String suffix : suffixes) {
            if (word.length() >= suffix.length() + 2 && word.endsWith(suffix)) {
                String rest = word.substring(0, word.length() - suffix.length());
                if (allHangul(rest) && (suffix.length() > 1 || attested(rest, suffix, vocab))) {
                    return rest;
                }
            }
        }
        return word;
    }

    /** Whether the word is itself a particle or ending (으로 after a Latin word: JPEG으로). */
    static boolean isSuffix(String word) {
        return PARTICLES.contains(word) || ENDINGS.contains(word);
    }

    /** Whether {@code rest} occurs in the corpus bare or with a particle other than {@code except}. */
    private static boolean attested(String rest, String except, Set<String> vocab) {
        return vocab.contains(rest) || PARTICLES.stream().anyMatch(p -> !p.equals(except) && vocab.contains(rest + p));
    }

    /**
     * In how many forms a noun occurs in the corpus: bare, or followed by each particle. A word seen
     * in at least two forms (책임, 책임을, 책임이) reads as a noun; verb and adverb forms (바라는, 그리,
     * 얼마나) are seen in one.
     */
    static int nounForms(String stem, Set<String> vocab) {
        int forms = vocab.contains(stem) ? 1 : 0;
        for (String p : PARTICLES) {
            forms += vocab.contains(stem + p) ? 1 : 0;
        }
        return forms;
    }

    /** Whether the word already ends in a particle that {@link #stripParticle} would remove. */
    static boolean hasParticle(String word, Set<String> vocab) {
        return !stripParticle(word, vocab).equals(word);
    }

    /** The word with an object particle: 을 after a final consonant, 를 after a vowel. */
    static String withObjectParticle(String word) {
        char last = word.charAt(word.length() - 1);
        boolean batchim = isSyllable(last) && (last - '가') % 28 != 0;
        return word + (batchim ? "을" : "를");
    }

    /**
     * Whether a two-syllable word is one syllable plus a particle that could not be stripped (일이,
     * 건을, 락은): not a word a user remembers. 가, 과, 도 and the like are left alone (추가, 효과, 정도).
     */
    static boolean particleLike(String word) {
        return word.length() == 2 && "을를은는이의에".indexOf(word.charAt(1)) >= 0;
    }

    /** Whether a word reads as a verb or adjective form (있습니다, 되나요, 만들려면), not a noun. */
    static boolean looksVerbal(String word) {
        return word.endsWith("다")
                || word.endsWith("요")
                || word.endsWith("까")
                || word.endsWith("죠")
                || VERBAL_ENDINGS.stream().anyMatch(word::endsWith);
    }
}
