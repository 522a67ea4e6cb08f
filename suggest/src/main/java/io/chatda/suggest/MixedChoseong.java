package io.chatda.suggest;

import java.util.Arrays;

/**
 * A cheap test for input mixing whole syllables and initials (ㅎㅇ흡, 검ㅅ엔): for each position of
 * the choseong array, the vowel and final consonant of the first {@link #POSITIONS} characters
 * behind its choseong, 5 bits each, packed in one {@code int}. The initials of a choseong range
 * already agree with the typed ones, so comparing the typed syllables' vowels and finals against
 * this array, reading memory in order, decides a candidate whose typed syllables all lie within the
 * first positions; others are checked syllable by syllable after it.
 *
 * <p>Derived from {@link CompletionIndex#choChars} and the choseong array, so it is rebuilt, not
 * saved. Immutable.
 */
final class MixedChoseong {

    /** Characters per choseong position whose vowel is kept. */
    static final int POSITIONS = 3;

    private static final int SYLLABLE_FIRST = 0xAC00;
    private static final int VOWEL_FIRST = 0x314F;
    private static final int VOWELS = 21;
    private static final int FINALS = 28;

    private final int[] vowels;

    private MixedChoseong(int[] vowels) {
        this.vowels = vowels;
    }

    /** The codes ({@link #code}) of every choseong position's first characters. */
    static MixedChoseong of(char[] choChars, int[] choEnds, SortedKeys byChoseong) {
        int n = byChoseong.size();
        int[] vowels = new int[n];
        for (int p = 0; p < n; p++) {
            int start = byChoseong.keyStart(p);
            int end = choEnds[byChoseong.id(p) + 1];
            int code = 0;
            for (int t = 0; t < POSITIONS && start + t < end; t++) {
                code |= code(choChars[start + t]) << (10 * t);
            }
            vowels[p] = code;
        }
        return new MixedChoseong(vowels);
    }

    int size() {
        return vowels.length;
    }

    /** Bytes held. */
    long memoryBytes() {
        return 16 + 4L * vowels.length;
    }

    /** 0 for anything but a syllable, else its vowel index + 1 (1–21). */
    static int vowelCode(char c) {
        return KeyCodec.isSyllable(c) ? (c - SYLLABLE_FIRST) / FINALS % VOWELS + 1 : 0;
    }

    /** 0 for anything but a syllable, else its final consonant index (0 for none, 1–27). */
    static int finalCode(char c) {
        return KeyCodec.isSyllable(c) ? (c - SYLLABLE_FIRST) % FINALS : 0;
    }

    /** A character's vowel code and final code << 5. */
    private static int code(char c) {
        return vowelCode(c) | finalCode(c) << 5;
    }

    /**
     * For each of the first {@link #POSITIONS} typed characters, the vowel codes (at {@code 2t}) and
     * final codes (at {@code 2t + 1}) a candidate may have there, as bit masks: any for a typed
     * consonant; for a whole syllable its own; for the last, maybe unfinished, syllable everything
     * typed by continuing it (고 → 고, 과, 괘, 괴 with any final; 반 → 반, 밙, 밚). With the initials
     * agreeing, a candidate passing these masks has the typed syllables there.
     */
    static int[] masks(char[] typed, KeyCodec codec) {
        int[] masks = new int[2 * Math.min(typed.length, POSITIONS)];
        for (int t = 0; 2 * t < masks.length; t++) {
            char q = typed[t];
            if (!KeyCodec.isSyllable(q)) {
                masks[2 * t] = -1;
                masks[2 * t + 1] = -1;
            } else if (t < typed.length - 1) {
                masks[2 * t] = 1 << vowelCode(q);
                masks[2 * t + 1] = 1 << finalCode(q);
            } else if (finalCode(q) == 0) {
                byte[] typedVowel = codec.unitsOf(VOWEL_FIRST + vowelCode(q) - 1);
                for (int v = 0; v < VOWELS; v++) {
                    if (KeyCodec.startsWith(codec.unitsOf(VOWEL_FIRST + v), 0, typedVowel)) {
                        masks[2 * t] |= 1 << (v + 1);
                    }
                }
                masks[2 * t + 1] = -1;
            } else {
                masks[2 * t] = 1 << vowelCode(q);
                char open = (char) (q - finalCode(q)); // the syllable without its final
                int openLength = codec.unitsOf(open).length;
                byte[] qUnits = codec.unitsOf(q);
                byte[] typedFinal = Arrays.copyOfRange(qUnits, openLength, qUnits.length);
                for (int f = 1; f < FINALS; f++) {
                    if (KeyCodec.startsWith(codec.unitsOf(open + f), openLength, typedFinal)) {
                        masks[2 * t + 1] |= 1 << f;
                    }
                }
            }
        }
        return masks;
    }

    /** Whether the typed text has a whole syllable beyond the positions {@link #passes} decides. */
    static boolean needsCheck(char[] typed) {
        for (int t = POSITIONS; t < typed.length; t++) {
            if (KeyCodec.isSyllable(typed[t])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the choseong position {@code p} passes the masks of {@link #masks}. */
    boolean passes(int p, int[] masks) {
        int code = vowels[p];
        for (int t = 0; 2 * t < masks.length; t++) {
            int c = code >>> (10 * t);
            if ((masks[2 * t] >>> (c & 31) & masks[2 * t + 1] >>> (c >>> 5 & 31) & 1) == 0) {
                return false;
            }
        }
        return true;
    }
}
