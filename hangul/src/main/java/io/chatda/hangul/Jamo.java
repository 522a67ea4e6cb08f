package io.chatda.hangul;

import java.util.Objects;

/**
 * Splits Hangul text into the keys a 2-set (두벌식) keyboard types, and composes keys back into
 * syllables the way a 2-set input method does.
 *
 * <p>Why: Korean is typed through an input method, so a search box shows ㄱ, 거, 검, 검ㅅ, 검새 and
 * finally 검색. Comparing whole syllables finds nothing for 검ㅅ; comparing key sequences does,
 * because every intermediate state's key sequence is a prefix of the finished word's: {@code
 * disassemble("검ㅅ")} is {@code "ㄱㅓㅁㅅ"}, a prefix of {@code disassemble("검색")} = {@code
 * "ㄱㅓㅁㅅㅐㄱ"}.
 *
 * <p>All methods are pure functions: they accept any text (lone surrogates, old Hangul, control
 * characters), never throw except {@link NullPointerException} for a {@code null} argument, and
 * keep no state.
 */
public final class Jamo {
    private Jamo() {}

    /**
     * Text to its key sequence: every modern Hangul syllable and jamo becomes the compatibility
     * jamo (U+3131–U+3163) typed for it, compound vowels and finals split into their two keys.
     *
     * <pre>{@code
     * disassemble("값이")  = "ㄱㅏㅂㅅㅇㅣ"
     * disassemble("닭")    = "ㄷㅏㄹㄱ"
     * disassemble("ㅘㄳ")  = "ㅗㅏㄱㅅ"
     * disassemble("Java 검색") = "Java ㄱㅓㅁㅅㅐㄱ"
     * }</pre>
     *
     * <p>Conjoining jamo (U+1100–U+11FF, what NFD produces) give the same result as the precomposed
     * or compatibility form. A syllable block containing archaic jamo (old Hangul such as ᄒᆞᆫ, or
     * the fillers) cannot be typed on a modern keyboard and is copied unchanged, as is every
     * non-Hangul character. Double consonants (ㄲ ㄸ ㅃ ㅆ ㅉ) are single shifted keys and stay whole.
     */
    public static String disassemble(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int n = text.length();
        StringBuilder out = new StringBuilder(n * 3);
        appendDisassembled(out, text);
        return out.toString();
    }

    /**
     * Composes text as a 2-set input method would if its key sequence were typed: the text is first
     * {@linkplain #disassemble disassembled}, then keys are joined into syllables, moving a final
     * consonant to the next syllable when a vowel follows.
     *
     * <pre>{@code
     * assemble("ㄱㅓㅁㅣ")      = "거미"
     * assemble("ㄱㅏㅂㅅㅇㅣ")  = "값이"
     * assemble("닭ㅏ")          = "달가"
     * assemble("ㅇㅏ!ㄴㅏ")     = "아!나"
     * assemble("ㄱㅅ")          = "ㄱㅅ"   (lone consonants are not merged, as in es-hangul)
     * }</pre>
     *
     * <p>For text made of precomposed syllables and non-Hangul characters, {@code
     * assemble(disassemble(s))} is {@code s}; for any key sequence {@code k}, {@code
     * disassemble(assemble(k))} is {@code k}.
     */
    public static String assemble(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return compose(disassemble(text));
    }

    /**
     * Whether {@code text} begins with what the user has typed so far, compared key by key, so
     * that every intermediate input-method state matches: 검ㅅ, 검새 and 거 (of 거미) all start 검색 or
     * 거미 respectively. Equivalent to {@code disassemble(text).startsWith(disassemble(prefix))}.
     */
    public static boolean startsWith(CharSequence text, CharSequence prefix) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(prefix, "prefix");
        return disassemble(text).startsWith(disassemble(prefix));
    }

    // ---- internals --------------------------------------------------------------------------

    static void appendDisassembled(StringBuilder out, CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (JamoTables.isCompatJamo(c)) {
                JamoTables.appendKeys(out, c);
                i++;
            } else if (JamoTables.isSyllable(c)) {
                // fast path: a precomposed syllable not followed by conjoining jamo
                if (i + 1 == n || !JamoTables.isConjoining(text.charAt(i + 1))) {
                    JamoTables.appendSyllableKeys(out, c);
                    i++;
                } else {
                    i = appendBlock(out, text, i);
                }
            } else if (JamoTables.isConjoining(c)) {
                i = appendBlock(out, text, i);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** Appends the syllable block starting at {@code start}; returns the index after it. */
    private static int appendBlock(StringBuilder out, CharSequence text, int start) {
        int end = JamoTables.blockEnd(text, start);
        for (int j = start; j < end; j++) {
            if (!JamoTables.isModernBlockPart(text.charAt(j))) {
                out.append(text, start, end); // old Hangul: cannot be typed, keep it as it is
                return end;
            }
        }
        for (int j = start; j < end; j++) {
            char c = text.charAt(j);
            if (JamoTables.isSyllable(c)) {
                JamoTables.appendSyllableKeys(out, c);
            } else {
                JamoTables.appendKeys(out, JamoTables.compatOfConjoining(c));
            }
        }
        return end;
    }

    /** Composes a key sequence (output of {@link #disassemble}). */
    static String compose(CharSequence keys) {
        Composer composer = new Composer(new StringBuilder(keys.length()));
        int n = keys.length();
        for (int i = 0; i < n; i++) {
            composer.accept(keys.charAt(i));
        }
        return composer.finish().toString();
    }
}
