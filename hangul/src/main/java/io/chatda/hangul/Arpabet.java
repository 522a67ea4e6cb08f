package io.chatda.hangul;

/** The 39 ARPAbet phonemes of the CMU Pronouncing Dictionary, as small integer codes. */
final class Arpabet {
    private Arpabet() {}

    /** Names in code order (the order of the resource): the 15 vowels, then the consonants. */
    static final String[] NAMES = {
        "AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW", "B", "CH", "D", "DH",
        "F", "G", "HH", "JH", "K", "L", "M", "N", "NG", "P", "R", "S", "SH", "T", "TH", "V", "W", "Y", "Z", "ZH"
    };

    static final int AA = 0, AE = 1, AH = 2, AO = 3, AW = 4, AY = 5, EH = 6, ER = 7, EY = 8;
    static final int IH = 9, IY = 10, OW = 11, OY = 12, UH = 13, UW = 14;
    static final int B = 15, CH = 16, D = 17, DH = 18, F = 19, G = 20, HH = 21, JH = 22, K = 23;
    static final int L = 24, M = 25, N = 26, NG = 27, P = 28, R = 29, S = 30, SH = 31, T = 32;
    static final int TH = 33, V = 34, W = 35, Y = 36, Z = 37, ZH = 38;

    static int code(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an ARPAbet phoneme: " + name);
    }

    static boolean isVowel(int code) {
        return code < B;
    }

    /** The short vowels of 제1항 (gap, book, lock): a final voiceless stop after them is batchim. */
    static boolean isShort(int code) {
        return code == IH || code == EH || code == AE || code == AH || code == UH || code == AA;
    }

    /** Liquids, nasals and glides: a stop before them takes 으 even after a short vowel. */
    static boolean isSonorant(int code) {
        return code == L || code == R || code == M || code == N || code == W || code == Y;
    }

    static boolean isNasal(int code) {
        return code == M || code == N || code == NG;
    }
}
