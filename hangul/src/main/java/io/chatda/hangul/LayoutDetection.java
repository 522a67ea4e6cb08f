package io.chatda.hangul;

/**
 * Outcome of a wrong-input-mode check by {@link KeyboardLayout#detectMistypedKorean} or {@link
 * KeyboardLayout#detectMistypedEnglish}.
 *
 * <p>Both scores are mean costs in bits (lower is more plausible) so that callers can log them or
 * apply their own threshold: {@code koreanCost} measures how unlike well-formed Korean the Hangul
 * reading is (lone jamo, rare syllables), {@code englishCost} how unlike English the Latin reading
 * is (letter-bigram model). A cost is {@link Double#NaN} when that reading was not evaluated (no
 * letters, text already in the other script, initials-only input).
 *
 * @param input the text as given
 * @param converted the other reading: Hangul for {@code detectMistypedKorean}, Latin for {@code
 *     detectMistypedEnglish}
 * @param koreanCost cost of the Hangul reading, 0 = only frequent syllables
 * @param englishCost cost of the Latin reading, about 3.5–4.5 for English words
 * @param mistyped whether the text was most likely typed in the wrong input mode
 */
public record LayoutDetection(
        String input, String converted, double koreanCost, double englishCost, boolean mistyped) {}
