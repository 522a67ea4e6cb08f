package io.chatda.hangul;

import java.util.Locale;

/**
 * The wrong-input-mode model behind {@link KeyboardLayout#detectMistypedKorean} and {@link
 * KeyboardLayout#detectMistypedEnglish}.
 *
 * <p>Korean reading: each token of ASCII letters is typed through the 2-set automaton. Well-formed
 * Korean turns into syllables; English words leave lone jamo behind (search → ㄴㄷㅁㄱ초) or produce
 * rare syllables (abc → 뮻). Cost per output unit, in bits-like points: frequent syllable {@value
 * #FREQUENT_COST}, other KS X 1001 syllable {@value #KS_COST}, rare syllable {@value #RARE_COST},
 * lone jamo {@value #LONE_COST}, except a lone consonant ending the token which costs {@value
 * #TRAILING_COST} (an unfinished syllable, 검ㅅ while typing 검색). An upper-case letter without a
 * shifted jamo (only Q W E R T O P have one) adds {@value #UPPER_COST}: nobody shifts those keys
 * in Korean mode.
 *
 * <p>English reading: mean letter-bigram cost ({@link EnglishBigrams}).
 *
 * <p>Decision: mistyped when the Korean cost is low and clearly below the English cost; thresholds
 * were tuned on lists of common English and tech words and of common Korean words typed in the
 * wrong mode (see KeyboardLayoutDetectionTest).
 */
final class MistypeScorer {
    private MistypeScorer() {}

    static final double FREQUENT_COST = 0.0;
    static final double KS_COST = 2.5;
    static final double RARE_COST = 7.0;
    static final double LONE_COST = 9.0;
    static final double TRAILING_COST = 2.0;
    static final double UPPER_COST = 6.0;

    /** Maximum Korean cost of a mistyped-Korean reading. */
    static final double MAX_KOREAN_COST = 2.6;

    /** Required margin englishCost - koreanCost for mistyped Korean. */
    static final double KOREAN_MARGIN = 3.0;

    /** Minimum Korean cost of Hangul that is really English typed in Korean mode. */
    static final double MIN_GARBLED_COST = 3.0;

    /** Maximum English cost of the Latin reading of English typed in Korean mode. */
    static final double MAX_ENGLISH_COST = 5.0;

    static LayoutDetection koreanInEnglishMode(String input) {
        String converted = KeyboardLayout.toHangul(input);
        if (containsHangul(input)) {
            return new LayoutDetection(input, converted, Double.NaN, Double.NaN, false);
        }
        double koreanTotal = 0;
        int koreanUnits = 0;
        double englishTotal = 0;
        int englishTransitions = 0;
        int letters = 0;
        boolean englishWord = false;
        int n = input.length();
        int i = 0;
        while (i < n) {
            if (!isAsciiLetter(input.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isAsciiLetter(input.charAt(i))) {
                i++;
            }
            String token = input.substring(start, i);
            letters += token.length();
            for (int k = 0; k < token.length(); k++) {
                char c = token.charAt(k);
                if (c >= 'A' && c <= 'Z' && !KeyboardLayout.isShiftKey(c)) {
                    koreanTotal += UPPER_COST;
                }
            }
            String hangul = Jamo.compose(KeyboardLayout.latinToJamo(token));
            koreanTotal += hangulCost(hangul, 0, hangul.length());
            koreanUnits += hangul.length();
            String lower = token.toLowerCase(Locale.ROOT);
            englishWord |= lower.length() >= 2 && EnglishLexicon.contains(lower);
            englishTotal += EnglishBigrams.meanCost(lower) * (lower.length() + 1);
            englishTransitions += lower.length() + 1;
        }
        if (letters == 0) {
            return new LayoutDetection(input, converted, Double.NaN, Double.NaN, false);
        }
        double koreanCost = koreanTotal / koreanUnits;
        double englishCost = englishTotal / englishTransitions;
        boolean mistyped = letters >= 2
                && !englishWord
                && koreanCost <= MAX_KOREAN_COST
                && englishCost - koreanCost >= KOREAN_MARGIN;
        return new LayoutDetection(input, converted, koreanCost, englishCost, mistyped);
    }

    static LayoutDetection englishInKoreanMode(String input) {
        String converted = KeyboardLayout.toQwerty(input);
        boolean hasHangul = containsHangul(input);
        boolean hasLatin = false;
        for (int i = 0; i < input.length(); i++) {
            hasLatin |= isAsciiLetter(input.charAt(i));
        }
        if (!hasHangul || hasLatin || Choseong.isChoseongOnly(input)) {
            // initials only (ㄱㅅ) is a choseong search, not English
            return new LayoutDetection(input, converted, Double.NaN, Double.NaN, false);
        }
        // Korean reading: runs of Hangul in the (NFC-like) assembled input
        String assembled = Jamo.assemble(input);
        double koreanTotal = 0;
        int koreanUnits = 0;
        boolean malformed = false;
        int n = assembled.length();
        int i = 0;
        while (i < n) {
            if (!isModernHangul(assembled.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isModernHangul(assembled.charAt(i))) {
                i++;
            }
            koreanTotal += hangulCost(assembled, start, i);
            koreanUnits += i - start;
            malformed |= isMalformed(assembled, start, i);
        }
        // English reading: runs of letters in the converted text
        double englishTotal = 0;
        int englishTransitions = 0;
        int letters = 0;
        boolean allWords = true;
        int m = converted.length();
        int j = 0;
        while (j < m) {
            if (!isAsciiLetter(converted.charAt(j))) {
                j++;
                continue;
            }
            int start = j;
            while (j < m && isAsciiLetter(converted.charAt(j))) {
                j++;
            }
            String lower = converted.substring(start, j).toLowerCase(Locale.ROOT);
            letters += lower.length();
            allWords &= EnglishLexicon.contains(lower);
            englishTotal += EnglishBigrams.meanCost(lower) * (lower.length() + 1);
            englishTransitions += lower.length() + 1;
        }
        if (koreanUnits == 0 || letters == 0) {
            return new LayoutDetection(input, converted, Double.NaN, Double.NaN, false);
        }
        double koreanCost = koreanTotal / koreanUnits;
        double englishCost = englishTotal / englishTransitions;
        boolean mistyped = letters >= 2
                && ((allWords && malformed) || (koreanCost >= MIN_GARBLED_COST && englishCost <= MAX_ENGLISH_COST));
        return new LayoutDetection(input, converted, koreanCost, englishCost, mistyped);
    }

    /** Total cost of the Hangul units in {@code [start, end)}; see the class comment. */
    static double hangulCost(String hangul, int start, int end) {
        double total = 0;
        for (int k = start; k < end; k++) {
            char c = hangul.charAt(k);
            if (JamoTables.isSyllable(c)) {
                switch (Syllables.tier(c)) {
                    case Syllables.FREQUENT_TIER:
                        total += FREQUENT_COST;
                        break;
                    case Syllables.KS_TIER:
                        total += KS_COST;
                        break;
                    default:
                        total += RARE_COST;
                }
            } else if (JamoTables.isCompatJamo(c)) {
                boolean trailing = k == end - 1 && JamoTables.isCompatConsonant(c) && k > start;
                total += trailing ? TRAILING_COST : LONE_COST;
            }
        }
        return total;
    }

    /**
     * Whether {@code [start, end)} holds Hangul that no Korean typist leaves behind: a lone jamo
     * other than a final unfinished consonant, or a syllable outside KS X 1001.
     */
    static boolean isMalformed(String hangul, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = hangul.charAt(k);
            if (JamoTables.isSyllable(c)) {
                if (Syllables.tier(c) == Syllables.RARE_TIER) {
                    return true;
                }
            } else if (JamoTables.isCompatJamo(c)) {
                boolean trailing = k == end - 1 && JamoTables.isCompatConsonant(c) && k > start;
                if (!trailing) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isModernHangul(char c) {
        return JamoTables.isSyllable(c) || JamoTables.isCompatJamo(c);
    }

    private static boolean containsHangul(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (JamoTables.isSyllable(c)
                    || JamoTables.isCompatJamo(c)
                    || JamoTables.isConjoining(c)
                    || (c >= 0x3164 && c <= 0x318E)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
