package io.chatda.hangul;

/**
 * Where a choseong (initial-consonant) query matched inside a text: the UTF-16 index range
 * {@code [start, end)} of the matched syllables in the original text, ready for highlighting.
 * Whitespace and non-Hangul characters between the matched syllables are inside the range.
 *
 * @param start index of the first matched syllable
 * @param end index just after the last matched syllable (its whole block for NFD text)
 */
public record ChoseongMatch(int start, int end) {
    /**
     * @throws IllegalArgumentException if {@code start} is negative or {@code end <= start}
     */
    public ChoseongMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }
}
