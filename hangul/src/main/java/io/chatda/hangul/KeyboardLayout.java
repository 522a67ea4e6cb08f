package io.chatda.hangul;

import java.util.Objects;

/**
 * The Korean 2-set (두벌식, KS X 5002) keyboard layout over a US QWERTY keyboard: conversion in both
 * directions and detection of text typed in the wrong input mode.
 *
 * <p>Why: a user who forgets to switch the input method types {@code rjator} while meaning 검색,
 * or {@code ㅗ디ㅣㅐ} while meaning hello. A search engine can offer the other reading.
 *
 * <p>Key map: consonants on the left hand (q ㅂ, w ㅈ, e ㄷ, r ㄱ, t ㅅ, a ㅁ, s ㄴ, d ㅇ, f ㄹ, g ㅎ, z
 * ㅋ, x ㅌ, c ㅊ, v ㅍ), vowels on the right (y ㅛ, u ㅕ, i ㅑ, o ㅐ, p ㅔ, h ㅗ, j ㅓ, k ㅏ, l ㅣ, b ㅠ, n
 * ㅜ, m ㅡ), shift gives ㅃ ㅉ ㄸ ㄲ ㅆ ㅒ ㅖ on Q W E R T O P. Other upper-case letters type the
 * same jamo as their lower case, as on a real keyboard and in es-hangul.
 *
 * <p>All methods are pure and accept any text; they never throw except {@link
 * NullPointerException} for {@code null}.
 */
public final class KeyboardLayout {
    private KeyboardLayout() {}

    /** Jamo typed by each ASCII char (index = char), or NUL. */
    private static final String LATIN_TO_JAMO = buildLatinToJamo();

    /** Latin key for each compatibility jamo U+3131..U+3163 that is a single key, or NUL. */
    private static final String JAMO_TO_LATIN = buildJamoToLatin();

    private static final String LOWER_KEYS = "qwertyuiopasdfghjklzxcvbnm";
    private static final String LOWER_JAMO = "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡ";
    private static final String SHIFT_KEYS = "QWERTOP";
    private static final String SHIFT_JAMO = "ㅃㅉㄸㄲㅆㅒㅖ";

    private static String buildLatinToJamo() {
        char[] map = new char[128];
        for (int i = 0; i < LOWER_KEYS.length(); i++) {
            char key = LOWER_KEYS.charAt(i);
            map[key] = LOWER_JAMO.charAt(i);
            map[Character.toUpperCase(key)] = LOWER_JAMO.charAt(i);
        }
        for (int i = 0; i < SHIFT_KEYS.length(); i++) {
            map[SHIFT_KEYS.charAt(i)] = SHIFT_JAMO.charAt(i);
        }
        return new String(map);
    }

    private static String buildJamoToLatin() {
        char[] map = new char[JamoTables.COMPAT_LAST - JamoTables.COMPAT_FIRST + 1];
        for (int i = 0; i < LOWER_KEYS.length(); i++) {
            map[LOWER_JAMO.charAt(i) - JamoTables.COMPAT_FIRST] = LOWER_KEYS.charAt(i);
        }
        for (int i = 0; i < SHIFT_KEYS.length(); i++) {
            map[SHIFT_JAMO.charAt(i) - JamoTables.COMPAT_FIRST] = SHIFT_KEYS.charAt(i);
        }
        return new String(map);
    }

    /**
     * What a 2-set input method would have produced from these key presses: ASCII letters become
     * jamo and everything is {@linkplain Jamo#assemble assembled}, as es-hangul's {@code
     * convertQwertyToHangul}. Other characters, including Hangul already in the text, are kept and
     * take part in assembly ({@code vm론트} → 프론트).
     *
     * <pre>{@code
     * toHangul("rjator")       = "검색"
     * toHangul("dkssudgktpdy") = "안녕하세요"
     * toHangul("RkrEnrl")      = "깍뚜기"
     * toHangul("abc")          = "뮻"
     * }</pre>
     */
    public static String toHangul(CharSequence latin) {
        Objects.requireNonNull(latin, "latin");
        return Jamo.assemble(latinToJamo(latin));
    }

    /**
     * The keys a 2-set keyboard presses to type this text, as es-hangul's {@code
     * convertHangulToQwerty}: Hangul is {@linkplain Jamo#disassemble disassembled} and each key
     * replaced by its Latin letter; everything else is kept.
     *
     * <pre>{@code
     * toQwerty("검색")        = "rjator"
     * toQwerty("ㅗ디ㅣㅐ")     = "hello"
     * toQwerty("쨰ㅉ")        = "WOW"
     * toQwerty("FE개발!")     = "FEroqkf!"
     * }</pre>
     */
    public static String toQwerty(CharSequence hangul) {
        Objects.requireNonNull(hangul, "hangul");
        String keys = Jamo.disassemble(hangul);
        StringBuilder out = new StringBuilder(keys.length());
        for (int i = 0, n = keys.length(); i < n; i++) {
            char c = keys.charAt(i);
            char latin = JamoTables.isCompatJamo(c) ? JAMO_TO_LATIN.charAt(c - JamoTables.COMPAT_FIRST) : 0;
            out.append(latin != 0 ? latin : c);
        }
        return out.toString();
    }

    /**
     * Judges whether Latin text is Korean typed with the keyboard in English mode ({@code rjator}
     * for 검색) rather than English. See {@link LayoutDetection} for the result and docs/hangul.md
     * for the model. Text without ASCII letters, or already containing Hangul, is never judged
     * mistyped.
     *
     * <pre>{@code
     * detectMistypedKorean("rjator").mistyped()  = true,  converted() = "검색"
     * detectMistypedKorean("search").mistyped()  = false, converted() = "ㄴㄷㅁㄱ초"
     * }</pre>
     */
    public static LayoutDetection detectMistypedKorean(CharSequence latin) {
        Objects.requireNonNull(latin, "latin");
        return MistypeScorer.koreanInEnglishMode(latin.toString());
    }

    /**
     * Judges whether Hangul text is English typed with the keyboard in Korean mode ({@code ㅗ디ㅣㅐ}
     * for hello): the Hangul does not form plausible Korean (lone jamo, rare syllables) while its
     * {@linkplain #toQwerty key sequence} looks like English. Text containing ASCII letters, text
     * without Hangul, and initials-only text ({@code ㄱㅅ}, a choseong search) are never judged
     * mistyped.
     *
     * <pre>{@code
     * detectMistypedEnglish("ㅗ디ㅣㅐ").mistyped() = true, converted() = "hello"
     * detectMistypedEnglish("안녕").mistyped()    = false
     * }</pre>
     */
    public static LayoutDetection detectMistypedEnglish(CharSequence hangul) {
        Objects.requireNonNull(hangul, "hangul");
        return MistypeScorer.englishInKoreanMode(hangul.toString());
    }

    // ---- internals --------------------------------------------------------------------------

    /** Replaces each ASCII letter by the jamo its key types; everything else is kept. */
    static String latinToJamo(CharSequence latin) {
        int n = latin.length();
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = latin.charAt(i);
            char jamo = c < 128 ? LATIN_TO_JAMO.charAt(c) : 0;
            out.append(jamo != 0 ? jamo : c);
        }
        return out.toString();
    }

    static boolean isShiftKey(char c) {
        return SHIFT_KEYS.indexOf(c) >= 0;
    }
}
