package io.chatda.hangul;

/**
 * Unicode Hangul constants and lookups shared by the public classes. Everything here is immutable
 * (strings and primitives); no state is kept between calls.
 *
 * <p>Vocabulary: a <em>key</em> is a compatibility jamo (U+3131–U+3163) that a 2-set (두벌식)
 * keyboard types with one key press, with or without shift: the 19 initial consonants and the 14
 * simple vowels. Compound vowels (ㅘ) and compound finals (ㄳ) are typed as two keys.
 */
final class JamoTables {
    private JamoTables() {}

    static final char SYLLABLE_FIRST = 0xAC00;
    static final char SYLLABLE_LAST = 0xD7A3;
    static final int JUNG_COUNT = 21;
    static final int JONG_COUNT = 28;

    static final char COMPAT_FIRST = 0x3131; // ㄱ
    static final char COMPAT_CONSONANT_LAST = 0x314E; // ㅎ
    static final char COMPAT_VOWEL_FIRST = 0x314F; // ㅏ
    static final char COMPAT_LAST = 0x3163; // ㅣ

    /** Initial consonants in Unicode syllable order (index 0..18). */
    static final String CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

    /** Medial vowels in Unicode syllable order (index 0..20). */
    static final String JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";

    /** Final consonants in Unicode syllable order; index 0 (no final) is a placeholder. */
    static final String JONG = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    /**
     * For each compatibility jamo U+3131..U+3163, two chars: the keys that type it (second char is
     * NUL for single-key jamo).
     */
    private static final String KEYS = buildKeys();

    /** For each compatibility jamo U+3131..U+3163: 1 + its initial index, or 0. */
    private static final String CHO_INDEX = buildIndex(CHO, 0);

    /** For each compatibility jamo U+3131..U+3163: 1 + its medial index, or 0. */
    private static final String JUNG_INDEX = buildIndex(JUNG, 0);

    /** For each compatibility jamo U+3131..U+3163: its final index (1..27), or 0. */
    private static final String JONG_INDEX = buildIndex(JONG, -1);

    private static String buildKeys() {
        char[] keys = new char[(COMPAT_LAST - COMPAT_FIRST + 1) * 2];
        for (char c = COMPAT_FIRST; c <= COMPAT_LAST; c++) {
            int slot = (c - COMPAT_FIRST) * 2;
            keys[slot] = c;
            keys[slot + 1] = 0;
        }
        String[] compounds = {
            "ㄳㄱㅅ", "ㄵㄴㅈ", "ㄶㄴㅎ", "ㄺㄹㄱ", "ㄻㄹㅁ", "ㄼㄹㅂ", "ㄽㄹㅅ", "ㄾㄹㅌ", "ㄿㄹㅍ", "ㅀㄹㅎ", "ㅄㅂㅅ", "ㅘㅗㅏ", "ㅙㅗㅐ", "ㅚㅗㅣ", "ㅝㅜㅓ",
            "ㅞㅜㅔ", "ㅟㅜㅣ", "ㅢㅡㅣ"
        };
        for (String entry : compounds) {
            int slot = (entry.charAt(0) - COMPAT_FIRST) * 2;
            keys[slot] = entry.charAt(1);
            keys[slot + 1] = entry.charAt(2);
        }
        return new String(keys);
    }

    private static String buildIndex(String order, int shift) {
        char[] index = new char[COMPAT_LAST - COMPAT_FIRST + 1];
        for (int i = 0; i < order.length(); i++) {
            char c = order.charAt(i);
            if (c >= COMPAT_FIRST && c <= COMPAT_LAST) {
                index[c - COMPAT_FIRST] = (char) (i + 1 + shift);
            }
        }
        return new String(index);
    }

    // ---- classification -------------------------------------------------------------------

    static boolean isSyllable(char c) {
        return c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
    }

    /** Modern compatibility jamo ㄱ..ㅣ (excludes the filler U+3164 and archaic U+3165..). */
    static boolean isCompatJamo(char c) {
        return c >= COMPAT_FIRST && c <= COMPAT_LAST;
    }

    static boolean isCompatConsonant(char c) {
        return c >= COMPAT_FIRST && c <= COMPAT_CONSONANT_LAST;
    }

    static boolean isCompatVowel(char c) {
        return c >= COMPAT_VOWEL_FIRST && c <= COMPAT_LAST;
    }

    /** Conjoining leading consonant (choseong), modern or archaic, including the filler. */
    static boolean isLeading(char c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C);
    }

    /** Conjoining vowel (jungseong), modern or archaic, including the filler. */
    static boolean isVowel(char c) {
        return (c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6);
    }

    /** Conjoining trailing consonant (jongseong), modern or archaic. */
    static boolean isTrailing(char c) {
        return (c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB);
    }

    static boolean isConjoining(char c) {
        return isLeading(c) || isVowel(c) || isTrailing(c);
    }

    static boolean isModernLeading(char c) {
        return c >= 0x1100 && c <= 0x1112;
    }

    static boolean isModernVowel(char c) {
        return c >= 0x1161 && c <= 0x1175;
    }

    static boolean isModernTrailing(char c) {
        return c >= 0x11A8 && c <= 0x11C2;
    }

    /** A char that a modern syllable block may be made of: precomposed or modern conjoining. */
    static boolean isModernBlockPart(char c) {
        return isSyllable(c) || isModernLeading(c) || isModernVowel(c) || isModernTrailing(c);
    }

    // ---- decomposition ----------------------------------------------------------------------

    static char choOf(char syllable) {
        return CHO.charAt((syllable - SYLLABLE_FIRST) / (JUNG_COUNT * JONG_COUNT));
    }

    static char jungOf(char syllable) {
        return JUNG.charAt((syllable - SYLLABLE_FIRST) % (JUNG_COUNT * JONG_COUNT) / JONG_COUNT);
    }

    /** The final consonant as compatibility jamo, or NUL when the syllable has none. */
    static char jongOf(char syllable) {
        return JONG.charAt((syllable - SYLLABLE_FIRST) % JONG_COUNT);
    }

    /**
     * The compatibility jamo equal to a modern conjoining jamo, or NUL for anything else (archaic
     * jamo and fillers included).
     */
    static char compatOfConjoining(char c) {
        if (isModernLeading(c)) {
            return CHO.charAt(c - 0x1100);
        }
        if (isModernVowel(c)) {
            return JUNG.charAt(c - 0x1161);
        }
        if (isModernTrailing(c)) {
            return JONG.charAt(c - 0x11A8 + 1);
        }
        return 0;
    }

    /** Appends the keys that type a modern compatibility jamo (ㄳ → ㄱㅅ, ㅘ → ㅗㅏ, ㄱ → ㄱ). */
    static void appendKeys(StringBuilder out, char compat) {
        int slot = (compat - COMPAT_FIRST) * 2;
        out.append(KEYS.charAt(slot));
        char second = KEYS.charAt(slot + 1);
        if (second != 0) {
            out.append(second);
        }
    }

    static char firstKey(char compat) {
        return KEYS.charAt((compat - COMPAT_FIRST) * 2);
    }

    static char secondKey(char compat) {
        return KEYS.charAt((compat - COMPAT_FIRST) * 2 + 1);
    }

    /** Appends the keys of a precomposed syllable: 닭 → ㄷㅏㄹㄱ. */
    static void appendSyllableKeys(StringBuilder out, char syllable) {
        int index = syllable - SYLLABLE_FIRST;
        int jong = index % JONG_COUNT;
        int jung = index / JONG_COUNT % JUNG_COUNT;
        out.append(CHO.charAt(index / (JUNG_COUNT * JONG_COUNT)));
        appendKeys(out, JUNG.charAt(jung));
        if (jong != 0) {
            appendKeys(out, JONG.charAt(jong));
        }
    }

    // ---- composition ------------------------------------------------------------------------

    /** 0..18 for a compatibility jamo that can start a syllable, else -1. */
    static int choIndex(char compat) {
        return isCompatJamo(compat) ? CHO_INDEX.charAt(compat - COMPAT_FIRST) - 1 : -1;
    }

    /** 0..20 for a compatibility vowel, else -1. */
    static int jungIndex(char compat) {
        return isCompatJamo(compat) ? JUNG_INDEX.charAt(compat - COMPAT_FIRST) - 1 : -1;
    }

    /** 1..27 for a compatibility consonant that can end a syllable, else 0. */
    static int jongIndex(char compat) {
        return isCompatJamo(compat) ? JONG_INDEX.charAt(compat - COMPAT_FIRST) : 0;
    }

    static char syllable(int cho, int jung, int jong) {
        return (char) (SYLLABLE_FIRST + (cho * JUNG_COUNT + jung) * JONG_COUNT + jong);
    }

    /** The compound vowel typed by two vowel keys (ㅗ+ㅏ → ㅘ), or NUL. */
    static char compoundVowel(char first, char second) {
        switch (first) {
            case 'ㅗ':
                return second == 'ㅏ' ? 'ㅘ' : second == 'ㅐ' ? 'ㅙ' : second == 'ㅣ' ? 'ㅚ' : 0;
            case 'ㅜ':
                return second == 'ㅓ' ? 'ㅝ' : second == 'ㅔ' ? 'ㅞ' : second == 'ㅣ' ? 'ㅟ' : 0;
            case 'ㅡ':
                return second == 'ㅣ' ? 'ㅢ' : 0;
            default:
                return 0;
        }
    }

    /** The compound final typed by two consonant keys (ㄹ+ㄱ → ㄺ), or NUL. */
    static char compoundFinal(char first, char second) {
        switch (first) {
            case 'ㄱ':
                return second == 'ㅅ' ? 'ㄳ' : 0;
            case 'ㄴ':
                return second == 'ㅈ' ? 'ㄵ' : second == 'ㅎ' ? 'ㄶ' : 0;
            case 'ㄹ':
                switch (second) {
                    case 'ㄱ':
                        return 'ㄺ';
                    case 'ㅁ':
                        return 'ㄻ';
                    case 'ㅂ':
                        return 'ㄼ';
                    case 'ㅅ':
                        return 'ㄽ';
                    case 'ㅌ':
                        return 'ㄾ';
                    case 'ㅍ':
                        return 'ㄿ';
                    case 'ㅎ':
                        return 'ㅀ';
                    default:
                        return 0;
                }
            case 'ㅂ':
                return second == 'ㅅ' ? 'ㅄ' : 0;
            default:
                return 0;
        }
    }

    // ---- syllable blocks of conjoining jamo ---------------------------------------------------

    /**
     * End (exclusive) of the syllable block that starts at {@code start}, following the Unicode
     * grapheme rules for Hangul (L* then V* then T*, where a precomposed LV continues like V and LVT
     * like T). The char at {@code start} must be a syllable or conjoining jamo.
     */
    static int blockEnd(CharSequence text, int start) {
        char c = text.charAt(start);
        // state: 0 = after L, 1 = after V or LV, 2 = after T or LVT
        int state;
        if (isLeading(c)) {
            state = 0;
        } else if (isVowel(c) || (isSyllable(c) && jongOf(c) == 0)) {
            state = 1;
        } else {
            state = 2;
        }
        int i = start + 1;
        int n = text.length();
        while (i < n) {
            char d = text.charAt(i);
            if (state == 0) {
                if (isLeading(d)) {
                    state = 0;
                } else if (isVowel(d)) {
                    state = 1;
                } else if (isSyllable(d)) {
                    state = jongOf(d) == 0 ? 1 : 2;
                } else {
                    break;
                }
            } else if (state == 1) {
                if (isVowel(d)) {
                    state = 1;
                } else if (isTrailing(d)) {
                    state = 2;
                } else {
                    break;
                }
            } else if (!isTrailing(d)) {
                break;
            }
            i++;
        }
        return i;
    }
}
