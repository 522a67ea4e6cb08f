package io.chatda.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a text into segments of words as written: a word is a run of letters and digits (with {@code -}, {@code .}
 * or {@code _} between two of them, and {@code +} or {@code #} ending a Latin word: b-tree, node.js, c++, c#); a
 * segment is a run of words with only white space between them, so a phrase never crosses punctuation. Every word
 * starts and ends at a word boundary of the text.
 */
final class WordSplitter {

    /** Longest word kept; longer runs (hashes, base64) are no words anyone types. */
    static final int MAX_WORD = 40;

    private WordSplitter() {}

    /** Calls {@code segment} with each segment's words, in text order; a segment has at least one word. */
    static void segments(String text, Consumer<List<String>> segment) {
        List<String> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                int end = wordEnd(text, i);
                if (end - i <= MAX_WORD) {
                    words.add(text.substring(i, end));
                } else {
                    flush(words, segment); // an overlong run breaks the phrase like punctuation
                }
                i = end;
            } else {
                if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                    flush(words, segment);
                }
                i += Character.charCount(c);
            }
        }
        flush(words, segment);
    }

    private static void flush(List<String> words, Consumer<List<String>> segment) {
        if (!words.isEmpty()) {
            segment.accept(List.copyOf(words));
            words.clear();
        }
    }

    private static int wordEnd(String text, int start) {
        int n = text.length();
        int i = start;
        while (i < n) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
            } else if ((c == '-' || c == '.' || c == '_')
                    && i + 1 < n
                    && Character.isLetterOrDigit(text.codePointAt(i + 1))
                    && i > start) {
                i++;
            } else if ((c == '+' || c == '#') && isLatin(text.codePointBefore(i))) {
                while (i < n && (text.charAt(i) == '+' || text.charAt(i) == '#')) {
                    i++;
                }
                if (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                    // c+d, a#b: not a language name; the word ends before the sign
                    int back = i;
                    while (back > start && (text.charAt(back - 1) == '+' || text.charAt(back - 1) == '#')) {
                        back--;
                    }
                    return back;
                }
                return i;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isLatin(int c) {
        return c < 0x250 && Character.isLetter(c);
    }
}
