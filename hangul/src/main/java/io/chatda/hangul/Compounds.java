package io.chatda.hangul;

import java.util.List;
import java.util.Set;

/**
 * Compounds and derived words. 제10항: each part of a compound is written as on its own, so
 * deadlock is 데드 + 록, not 데들록. A dictionary word is a compound when it splits into two
 * dictionary words, one of them a common English word, whose pronunciations one after the other
 * are its own, and whose second part keeps a stress or is a particle (plug-in, back-up), each
 * part three letters or more or a particle (up|load, but not re|lease). A word
 * the dictionary lacks is tried as a dictionary word plus an inflection (shard + ing), then as
 * two or three dictionary words of three letters or more, one of them common (elastic + search).
 */
final class Compounds {
    private Compounds() {}

    private static final int MIN_PART = 3;
    /** Particles of phrasal compounds: 플러그인, 로그인, 백업, 애드온, 업로드, 인박스. */
    private static final Set<String> PARTICLES = Set.of("in", "on", "up");
    /** Inflections: suffix, and its phonemes after a voiced, voiceless and sibilant/t-d ending. */
    private static final String[][] SUFFIXES = {
        {"ing", "IH0 NG"}, {"s", "Z", "S", "IH0 Z"}, {"es", "Z", "S", "IH0 Z"},
        {"ed", "D", "T", "IH0 D"}, {"er", "ER0"}, {"ers", "ER0 Z"}
    };

    /** The pronunciation with its parts marked, if the word is a compound. */
    static Pronunciation mark(Pronunciation whole, PronouncingDictionary dictionary) {
        String word = whole.word();
        String phonemes = whole.phonemes();
        int bestLetter = -1;
        int bestPhoneme = -1;
        for (int k = 2; k <= word.length() - 2; k++) {
            int at = splitPoint(word, k, phonemes, whole, dictionary);
            if (at > 0 && (bestLetter < 0 || balance(word, k) > balance(word, bestLetter))) {
                bestLetter = k;
                bestPhoneme = at;
            }
        }
        if (bestPhoneme < 0) {
            return whole;
        }
        boolean[] starts = new boolean[whole.size()];
        starts[0] = true;
        starts[bestPhoneme] = true;
        return whole.withParts(starts);
    }

    private static int balance(String word, int k) {
        return Math.min(k, word.length() - k);
    }

    /** Where part two's phonemes start in the whole, if the split at letter k is a compound. */
    private static int splitPoint(
            String word, int k, String phonemes, Pronunciation whole, PronouncingDictionary dictionary) {
        String head = word.substring(0, k);
        String tail = word.substring(k);
        boolean particle = PARTICLES.contains(tail);
        if (head.length() < MIN_PART && !PARTICLES.contains(head)
                || !particle && (tail.length() < MIN_PART || !plausible(head, tail))) {
            return -1; // re|lease is no compound, up|load is
        }
        for (Pronunciation a : dictionary.lookup(head)) {
            String pa = a.phonemes();
            if (!phonemes.startsWith(pa) || !hasVowel(a, 0) || !hasVowel(whole, pa.length())) {
                continue;
            }
            for (Pronunciation b : dictionary.lookup(tail)) {
                if (phonemes.equals(pa + b.phonemes()) && (particle || firstVowelStressed(whole, pa.length()))) {
                    return pa.length();
                }
            }
        }
        return -1;
    }

    /** One part a common word; a part starting with a vowel (rare junk like "oop") common itself. */
    private static boolean plausible(String head, String tail) {
        boolean tailCommon = EnglishLexicon.contains(tail);
        boolean vowelFirst = "aeiou".indexOf(tail.charAt(0)) >= 0;
        return vowelFirst ? tailCommon : tailCommon || EnglishLexicon.contains(head);
    }

    /** Whether a part has a syllable (sh, a dictionary "word", is no part of shrub). */
    private static boolean hasVowel(Pronunciation p, int from) {
        for (int i = from; i < p.size(); i++) {
            if (Arpabet.isVowel(p.codes()[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstVowelStressed(Pronunciation p, int from) {
        for (int i = from; i < p.size(); i++) {
            if (Arpabet.isVowel(p.codes()[i])) {
                return p.stressed()[i];
            }
        }
        return false;
    }

    /** A dictionary word plus an inflection (hosting = host + ing, coding = code + ing), or null. */
    static Pronunciation inflected(String word, PronouncingDictionary dictionary) {
        for (String[] suffix : SUFFIXES) {
            if (!word.endsWith(suffix[0]) || word.length() - suffix[0].length() < MIN_PART) {
                continue;
            }
            String stem = word.substring(0, word.length() - suffix[0].length());
            List<Pronunciation> found = dictionary.lookup(stem);
            if (found.isEmpty() && suffix[0].startsWith("e") || found.isEmpty() && suffix[0].equals("ing")) {
                found = dictionary.lookup(stem + "e");
            }
            if (!found.isEmpty()) {
                return Pronunciation.inflect(found.get(0), word, suffixPhonemes(found.get(0), suffix));
            }
        }
        return null;
    }

    private static String suffixPhonemes(Pronunciation stem, String[] suffix) {
        if (suffix.length == 2) {
            return suffix[1];
        }
        int last = stem.codes()[stem.size() - 1];
        boolean sibilant = suffix[1].equals("Z")
                ? last == Arpabet.S
                        || last == Arpabet.Z
                        || last == Arpabet.SH
                        || last == Arpabet.CH
                        || last == Arpabet.JH
                        || last == Arpabet.ZH
                : last == Arpabet.T || last == Arpabet.D;
        boolean voiceless =
                last == Arpabet.P || last == Arpabet.T || last == Arpabet.K || last == Arpabet.F || last == Arpabet.TH;
        return sibilant ? suffix[3] : voiceless ? suffix[2] : suffix[1];
    }

    /** A word the dictionary lacks as two or three dictionary words, or null. */
    static Pronunciation split(String word, PronouncingDictionary dictionary) {
        Pronunciation best = null;
        int bestScore = -1;
        for (int k = MIN_PART; k <= word.length() - 2; k++) {
            String head = word.substring(0, k);
            String tail = word.substring(k);
            boolean headCommon = EnglishLexicon.contains(head);
            boolean tailCommon = EnglishLexicon.contains(tail);
            List<Pronunciation> a = dictionary.lookup(head);
            if (a.isEmpty() || tail.length() < MIN_PART && !PARTICLES.contains(tail)) {
                continue;
            }
            List<Pronunciation> b = dictionary.lookup(tail);
            Pronunciation rest = b.isEmpty() ? splitTwo(tail, dictionary) : b.get(0);
            boolean common = headCommon || (b.isEmpty() ? rest != null : tailCommon);
            if (rest == null || !common) {
                continue;
            }
            int score = (b.isEmpty() ? 0 : 1000) + (headCommon && tailCommon ? 100 : 0) + balance(word, k);
            if (score > bestScore) {
                bestScore = score;
                best = Pronunciation.join(a.get(0), rest);
            }
        }
        return best;
    }

    /** Two dictionary words of three or more letters, at least one common, or null. */
    private static Pronunciation splitTwo(String word, PronouncingDictionary dictionary) {
        for (int k = MIN_PART; k <= word.length() - MIN_PART; k++) {
            String head = word.substring(0, k);
            String tail = word.substring(k);
            if (!EnglishLexicon.contains(head) && !EnglishLexicon.contains(tail)) {
                continue;
            }
            List<Pronunciation> a = dictionary.lookup(head);
            List<Pronunciation> b = dictionary.lookup(tail);
            if (!a.isEmpty() && !b.isEmpty()) {
                return Pronunciation.join(a.get(0), b.get(0));
            }
        }
        return null;
    }
}
