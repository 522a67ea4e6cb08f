package io.chatda.hangul;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Normalises text before it is indexed or matched, so that visually equal strings compare equal:
 * Unicode NFKC (full-width Ｊａｖａ → Java, NFD Hangul → precomposed syllables, ligatures and
 * compatibility forms unfolded), lower case, and whitespace folded to single spaces.
 *
 * <p>One deliberate departure from plain NFKC: Hangul compatibility jamo (ㄱ..ㅣ, what an input
 * method shows for an unfinished syllable) are kept as they are. NFKC would turn them into
 * conjoining jamo and compose {@code ㄱㅏ} into {@code 가} and {@code 검ㅅ} into something that no
 * longer looks like a typing state. Half-width Hangul jamo (U+FFA0–U+FFDC) become the matching
 * compatibility jamo for the same reason.
 *
 * <p>Pure function of its input; never throws except {@link NullPointerException} for {@code
 * null}.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    /**
     * Normalises text for matching.
     *
     * <pre>{@code
     * normalize("  Ｊａｖａ\u3000검색\t엔진 ") = "java 검색 엔진"
     * normalize("ＡＢＣ①")                    = "abc1"
     * normalize("검ㅅ")                       = "검ㅅ"
     * }</pre>
     *
     * <p>Steps: zero-width space, word joiner and BOM (U+200B, U+2060, U+FEFF) removed; half-width
     * Hangul jamo to compatibility jamo; NFKC on everything except compatibility jamo; lower case
     * with {@link Locale#ROOT} (no Turkish dotless-i surprises); NFKC again, so that the result is
     * stable ({@code normalize(normalize(s)).equals(normalize(s))}); every run of whitespace
     * (Unicode spaces, tabs, line breaks) becomes one ASCII space, leading and trailing whitespace
     * removed.
     */
    public static String normalize(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int n = text.length();
        StringBuilder prepared = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0x200B || c == 0x2060 || c == 0xFEFF) {
                continue; // removed before NFKC so that they cannot block composition
            }
            char jamo = halfwidthToCompat(c);
            prepared.append(jamo != 0 ? jamo : c);
        }
        String folded = nfkcKeepingJamo(prepared).toLowerCase(Locale.ROOT);
        // lower-casing can leave text that NFKC changes again (rare); a second pass makes the
        // result stable: normalize(normalize(s)) equals normalize(s)
        return foldWhitespace(nfkcKeepingJamo(folded));
    }

    /** NFKC on every run of text between Hangul compatibility jamo, which are kept. */
    private static String nfkcKeepingJamo(CharSequence text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int runStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || JamoTables.isCompatJamo(text.charAt(i))) {
                if (i > runStart) {
                    String run = text.subSequence(runStart, i).toString();
                    out.append(
                            Normalizer.isNormalized(run, Normalizer.Form.NFKC)
                                    ? run
                                    : Normalizer.normalize(run, Normalizer.Form.NFKC));
                }
                if (i < n) {
                    out.append(text.charAt(i));
                }
                runStart = i + 1;
            }
        }
        return out.toString();
    }

    private static String foldWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Choseong.isJsWhitespace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Half-width Hangul jamo (U+FFA1..U+FFDC) to compatibility jamo; NUL for anything else. */
    static char halfwidthToCompat(char c) {
        if (c >= 0xFFA1 && c <= 0xFFBE) {
            return (char) (c - 0xFFA1 + 0x3131); // consonants ㄱ..ㅎ
        }
        if (c >= 0xFFC2 && c <= 0xFFC7) {
            return (char) (c - 0xFFC2 + 0x314F); // ㅏ..ㅔ
        }
        if (c >= 0xFFCA && c <= 0xFFCF) {
            return (char) (c - 0xFFCA + 0x3155); // ㅕ..ㅚ
        }
        if (c >= 0xFFD2 && c <= 0xFFD7) {
            return (char) (c - 0xFFD2 + 0x315B); // ㅛ..ㅠ
        }
        if (c >= 0xFFDA && c <= 0xFFDC) {
            return (char) (c - 0xFFDA + 0x3161); // ㅡ..ㅣ
        }
        return 0;
    }
}
