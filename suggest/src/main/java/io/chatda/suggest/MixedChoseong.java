package io.chatda.suggest;

/**
 * A cheap first test for input mixing whole syllables and initials (ㅎㅇ흡, 검ㅅ엔): for each position
 * of the choseong array, the vowels (medials) of the first {@link #POSITIONS} characters behind its
 * choseong, 5 bits each, packed in one {@code int}. The initials of a choseong range already agree
 * with the typed ones; comparing the typed syllables' vowels against this array rejects most of the
 * range reading memory in order, and only the survivors are checked syllable by syllable.
 *
 * <p>Derived from {@link CompletionIndex#choChars} and the choseong array, so it is rebuilt, not
 * saved. Immutable.
 */
final class MixedChoseong {

    /** Characters per choseong position whose vowel is kept. */
    static final int POSITIONS = 6;
    private static final int SYLLABLE_FIRST = 0xAC00;
    private static final int VOWEL_FIRST = 0x314F;
    private static final int VOWELS = 21;

    private final int[] vowels;

    private MixedChoseong(int[] vowels) {
        this.vowels = vowels;
    }

    /** The vowel codes of every choseong position: 0 for a lone consonant (or past the entry's end), else vowel + 1. */
    static MixedChoseong of(char[] choChars, int[] choEnds, SortedKeys byChoseong) {
        int n = byChoseong.size();
        int[] vowels = new int[n];
        for (int p = 0; p < n; p++) {
            int start = byChoseong.keyStart(p);
            int end = choEnds[byChoseong.id(p) + 1];
            int code = 0;
            for (int t = 0; t < POSITIONS && start + t < end; t++) {
                code |= vowelCode(choChars[start + t]) << (5 * t);
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
        return KeyCodec.isSyllable(c) ? (c - SYLLABLE_FIRST) / 28 % VOWELS + 1 : 0;
    }

    /**
     * For each of the first {@link #POSITIONS} typed characters, the vowel codes a candidate may have
     * there (bit {@code code}): any for a consonant; for a whole syllable its own vowel, for the last
     * (maybe unfinished) one every vowel typed by continuing it (고 → 고, 과, 괘, 괴).
     */
    static int[] masks(char[] typed, KeyCodec codec) {
        int[] masks = new int[Math.min(typed.length, POSITIONS)];
        for (int t = 0; t < masks.length; t++) {
            char q = typed[t];
            if (!KeyCodec.isSyllable(q)) {
                masks[t] = -1;
            } else if (t < typed.length - 1) {
                masks[t] = 1 << vowelCode(q);
            } else {
                byte[] typedVowel = codec.unitsOf(VOWEL_FIRST + vowelCode(q) - 1);
                for (int v = 0; v < VOWELS; v++) {
                    byte[] units = codec.unitsOf(VOWEL_FIRST + v);
                    if (units.length >= typedVowel.length
                            && java.util.Arrays.equals(units, 0, typedVowel.length, typedVowel, 0, typedVowel.length)) {
                        masks[t] |= 1 << (v + 1);
                    }
                }
            }
        }
        return masks;
    }

    /** Whether the choseong position {@code p} passes the vowel masks of {@link #masks}. */
    boolean passes(int p, int[] masks) {
        int code = vowels[p];
        for (int t = 0; t < masks.length; t++) {
            if ((masks[t] >>> ((code >>> (5 * t)) & 31) & 1) == 0) {
                return false;
            }
        }
        return true;
    }
}
