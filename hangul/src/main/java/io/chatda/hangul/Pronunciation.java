package io.chatda.hangul;

import java.util.Arrays;

/**
 * A word's phonemes, each with its stress (vowels: stressed or reduced) and the index of the
 * letter it was aligned with, and where the parts of a compound start (제10항).
 */
record Pronunciation(String word, int[] codes, boolean[] stressed, int[] letters, boolean[] partStarts) {

    int size() {
        return codes.length;
    }

    char letter(int i) {
        return word.charAt(letters[i]);
    }

    boolean isCompound() {
        for (int i = 1; i < partStarts.length; i++) {
            if (partStarts[i]) {
                return true;
            }
        }
        return false;
    }

    /** The phonemes, without stress, as one comparable string. */
    String phonemes() {
        StringBuilder b = new StringBuilder();
        for (int code : codes) {
            b.append((char) ('A' + code));
        }
        return b.toString();
    }

    /** The parts one after the other, as one word with its parts marked. */
    static Pronunciation join(Pronunciation... parts) {
        StringBuilder word = new StringBuilder();
        int n = Arrays.stream(parts).mapToInt(Pronunciation::size).sum();
        int[] codes = new int[n];
        boolean[] stressed = new boolean[n];
        int[] letters = new int[n];
        boolean[] starts = new boolean[n];
        int at = 0;
        for (Pronunciation part : parts) {
            for (int i = 0; i < part.size(); i++, at++) {
                codes[at] = part.codes[i];
                stressed[at] = part.stressed[i];
                letters[at] = word.length() + part.letters[i];
                starts[at] = i == 0 || part.partStarts[i];
            }
            word.append(part.word);
        }
        return new Pronunciation(word.toString(), codes, stressed, letters, starts);
    }

    /**
     * The stem's pronunciation followed by an inflection's phonemes (space-separated ARPAbet, stress
     * digit 0 or 1 on vowels), aligned with the letters after the stem in {@code word}.
     */
    static Pronunciation inflect(Pronunciation stem, String word, String suffix) {
        String[] names = suffix.split(" ");
        int n = stem.size() + names.length;
        int[] codes = Arrays.copyOf(stem.codes, n);
        boolean[] stressed = Arrays.copyOf(stem.stressed, n);
        int[] letters = Arrays.copyOf(stem.letters, n);
        int firstSuffixLetter = Math.min(stem.word.length(), word.length() - 1);
        for (int k = 0; k < names.length; k++) {
            codes[stem.size() + k] = Arpabet.code(names[k].replaceAll("[01]", ""));
            stressed[stem.size() + k] = names[k].endsWith("1");
            letters[stem.size() + k] = Math.min(word.length() - 1, firstSuffixLetter + k);
        }
        return new Pronunciation(word, codes, stressed, letters, Arrays.copyOf(stem.partStarts, n));
    }

    /** The same phonemes with the compound's parts marked where {@code parts} starts them. */
    Pronunciation withParts(boolean[] parts) {
        return new Pronunciation(word, codes, stressed, letters, parts);
    }
}
