package io.chatda.hangul;

import static io.chatda.hangul.Arpabet.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a pronunciation in Hangul by the English rules of the loanword orthography (외래어 표기법
 * 제3장 제1절, 제1항–제10항). Each consonant first gets a role (initial of the next syllable, batchim
 * of the previous one, a syllable of its own with ㅡ or ㅣ, ㄹㄹ, or nothing); then the syllables are
 * written as 2-set keys and assembled by {@link Jamo#assemble}. Where usage and the orthography
 * differ systematically, a {@link Variant} switches to the other spelling.
 */
final class LoanwordSpeller {

    /** Systematic alternatives, each with how much less likely it makes a spelling. */
    enum Variant {
        /** Stressed o-spelled [ɑ]: ㅏ in a word-final syllable closed by a voiceless stop (락), else ㅗ. */
        O_VOWEL(0.3),
        /** Final s sounding [z] written 스 (젠킨스) or 즈. */
        FINAL_S(0.35),
        /** A compound's parts written on their own (제10항) or as one word. */
        COMPOUND(0.4),
        /** Word-final [ou]: 오 (the orthography) or 오우 (윈도우). */
        FINAL_OU(0.5),
        /** A part's final voiceless stop after a short vowel: batchim (깃, the rule) or 으 (비트). */
        STOP_AFTER_SHORT(0.6),
        /** A part's final voiceless stop after a long vowel: 으 (타이프, the rule) or batchim (타입). */
        STOP_AFTER_LONG(0.6),
        /** Final [b] after a short vowel: batchim (웹) or 브. */
        FINAL_B(0.6),
        /** Reduced vowel spelled e in a closed syllable: ㅔ (소켓) or ㅓ (채널). */
        REDUCED_E(0.6),
        /** [æ]: ㅐ (the orthography) or ㅏ (람다). */
        AE_AS_A(0.7);

        final double cost;

        Variant(double cost) {
            this.cost = cost;
        }
    }

    private static final int ONSET = 1, CODA = 2, DOUBLE_L = 3, SYLLABLE = 4, DROP = 5, GLIDE = 6;
    private static final int R_EO = 7, MERGED = 8;
    private static final String ONSETS = "ㅂㅊㄷㄷㅍㄱㅎㅈㅋㄹㅁㄴㅇㅍㄹㅅㅅㅌㅅㅂㅇㅇㅈㅈ";
    private static final String PLAIN = "ㅏㅐㅓㅔㅗㅜㅣㅡ";
    private static final String[] WITH_Y = {"ㅑ", "ㅒ", "ㅕ", "ㅖ", "ㅛ", "ㅠ", "ㅣ", "ㅡ"};
    private static final String[] WITH_W = {"ㅗㅏ", "ㅗㅐ", "ㅜㅓ", "ㅜㅔ", "ㅜㅓ", "ㅜ", "ㅜㅣ", "ㅜㅓ"};

    private final Pronunciation p;
    private final Set<Variant> flipped;
    private final Set<Variant> applicable;
    private final boolean parts;
    private final int[] roles;
    private final StringBuilder keys = new StringBuilder();
    private char pendingOnset;
    private int glide = -1;
    private boolean glideAfterAw;

    private LoanwordSpeller(Pronunciation p, Set<Variant> flipped, Set<Variant> applicable) {
        this.p = p;
        this.flipped = flipped;
        this.applicable = applicable;
        this.parts = !flipped.contains(Variant.COMPOUND);
        if (p.isCompound()) {
            applicable.add(Variant.COMPOUND);
        }
        this.roles = new int[p.size()];
    }

    /**
     * The Hangul spelling of a pronunciation with the given variants flipped; adds the variants
     * that made a difference, or could have, to {@code applicable}.
     */
    static String spell(Pronunciation p, Set<Variant> flipped, Set<Variant> applicable) {
        LoanwordSpeller speller = new LoanwordSpeller(p, flipped, applicable);
        for (int i = 0; i < p.size(); i++) {
            speller.roles[i] = isVowel(p.codes()[i]) ? 0 : speller.role(i);
        }
        for (int i = 0; i < p.size(); i++) {
            speller.write(i);
        }
        return Jamo.assemble(speller.keys);
    }

    static String spell(Pronunciation p) {
        return spell(p, Set.of(), EnumSet.noneOf(Variant.class));
    }

    // ---- roles ----

    private int code(int i) {
        return i >= 0 && i < p.size() ? p.codes()[i] : -1;
    }

    private boolean startsPart(int i) {
        return i == 0 || parts && p.partStarts()[i];
    }

    private boolean endsPart(int i) {
        return i == p.size() - 1 || parts && p.partStarts()[i + 1];
    }

    private boolean vowelAt(int i) {
        return i >= 0 && i < p.size() && isVowel(p.codes()[i]);
    }

    /** Whether consonant i is heard before a vowel of its part (directly or through a glide). */
    private boolean beforeVowel(int i) {
        if (endsPart(i)) {
            return false;
        }
        int next = code(i + 1);
        if (next == W || next == Y) {
            boolean glideOnward = !endsPart(i + 1) && vowelAt(i + 2);
            // 제9항 2: a consonant before [w] is a syllable of its own, except g, h and k
            return glideOnward && (next == Y || code(i) == G || code(i) == K || code(i) == HH);
        }
        return vowelAt(i + 1);
    }

    /** Whether the syllable written just before consonant i has no batchim yet. */
    private boolean openBefore(int i) {
        for (int k = i - 1; k >= 0 && !(parts && p.partStarts()[k + 1]); k--) {
            if (isVowel(code(k)) || roles[k] == SYLLABLE || roles[k] == R_EO) {
                return true;
            }
            if (roles[k] != DROP) {
                return false;
            }
        }
        return false;
    }

    /** A short vowel before i: [ɪ ɛ æ ʌ ʊ ɑ], and [ɔ] spelled o alone (bot, fox: British [ɒ]). */
    private boolean shortVowelBefore(int i) {
        if (startsPart(i) || !vowelAt(i - 1)) {
            return false;
        }
        int v = code(i - 1);
        if (v == AO) {
            String w = p.word();
            int at = p.letters()[i - 1];
            return w.charAt(at) == 'o' && (at + 1 >= w.length() || "aeiouwy".indexOf(w.charAt(at + 1)) < 0);
        }
        return isShort(v);
    }

    private int role(int i) {
        int c = code(i);
        if (c == W || c == Y) {
            return !endsPart(i) && vowelAt(i + 1) ? GLIDE : SYLLABLE;
        }
        boolean beforeVowel = beforeVowel(i);
        switch (c) {
            case NG:
                return openBefore(i) ? CODA : SYLLABLE;
            case L:
                return lRole(i, beforeVowel);
            case R:
                return rRole(i, beforeVowel);
            case M:
            case N:
                return beforeVowel ? ONSET : openBefore(i) ? CODA : SYLLABLE;
            case P:
            case T:
            case K:
                return beforeVowel ? ONSET : voicelessStopRole(i);
            case B:
                return beforeVowel ? ONSET : finalB(i);
            case D:
                return !beforeVowel && code(i + 1) == Z && !endsPart(i) && !beforeVowel(i + 1)
                        ? MERGED
                        : beforeVowel ? ONSET : SYLLABLE;
            default:
                return beforeVowel ? ONSET : SYLLABLE;
        }
    }

    /** 제6항: ㄹ as batchim, ㄹㄹ between vowels and before a final nasal, ㄹ after a nasal. */
    private int lRole(int i, boolean beforeVowel) {
        boolean open = openBefore(i);
        if (beforeVowel) {
            return startsPart(i) || isNasal(code(i - 1)) || !open ? ONSET : DOUBLE_L;
        }
        boolean nasalNext = !endsPart(i) && (code(i + 1) == M || code(i + 1) == N);
        if (nasalNext && open && !beforeVowel(i + 1)) {
            return DOUBLE_L; // film 필름
        }
        return open ? CODA : SYLLABLE;
    }

    /** r: before a vowel ㄹ; dropped before consonants and finally, where [ɔə ɛə ɪə ʊə] give 어. */
    private int rRole(int i, boolean beforeVowel) {
        if (beforeVowel) {
            return ONSET;
        }
        if (vowelAt(i - 1) && !startsPart(i)) {
            int v = code(i - 1);
            boolean diphthong = v == AY || v == AW || v == OY; // firewall 파이어월
            return diphthong || endsPart(i) && v != AA && v != ER ? R_EO : DROP;
        }
        return SYLLABLE;
    }

    /** 제1항 and 제4항 ([ts] → 츠). */
    private int voicelessStopRole(int i) {
        int c = code(i);
        if (c == T && !endsPart(i) && code(i + 1) == S && !beforeVowel(i + 1)) {
            return MERGED;
        }
        if (c == K && code(i - 1) == NG && code(i + 1) == SH && !startsPart(i) && !endsPart(i)) {
            return DROP; // function 펑션: the [k] of [ŋkʃ] is not written in practice
        }
        if (!endsPart(i)) {
            return shortVowelBefore(i) && !isSonorant(code(i + 1)) ? CODA : SYLLABLE;
        }
        if (startsPart(i) || !vowelAt(i - 1)) {
            return SYLLABLE;
        }
        int v = code(i - 1);
        // the rule, and in usage: out 아웃, deep 딥, group 그룹
        boolean batchim = shortVowelBefore(i) || c == T && v == AW || c == P && (v == IY || v == UW);
        Variant variant = batchim ? Variant.STOP_AFTER_SHORT : Variant.STOP_AFTER_LONG;
        applicable.add(variant);
        return batchim != flipped.contains(variant) ? CODA : SYLLABLE;
    }

    private int finalB(int i) {
        if (endsPart(i) && shortVowelBefore(i)) {
            applicable.add(Variant.FINAL_B);
            return flipped.contains(Variant.FINAL_B) ? SYLLABLE : CODA;
        }
        return SYLLABLE;
    }

    // ---- writing ----

    private void write(int i) {
        int c = code(i);
        if (isVowel(c)) {
            writeVowel(i);
            return;
        }
        switch (roles[i]) {
            case ONSET:
                pendingOnset = ONSETS.charAt(c - B);
                if (c == SH) {
                    glide = Y; // 제3항 2: 샤 섀 셔 셰 쇼 슈 시
                }
                break;
            case CODA:
                keys.append(c == T ? 'ㅅ' : c == P || c == B ? 'ㅂ' : c == K ? 'ㄱ' : ONSETS.charAt(c - B));
                break;
            case DOUBLE_L:
                keys.append('ㄹ');
                pendingOnset = 'ㄹ';
                break;
            case SYLLABLE:
                writeSyllable(i);
                break;
            case R_EO:
                keys.append('ㅇ').append(glideAfterAw ? "ㅜㅓ" : "ㅓ"); // our 아워
                glideAfterAw = false;
                break;
            case GLIDE:
                glide = c;
                break;
            default: // DROP, MERGED
        }
    }

    /** A consonant with no vowel of its own: 스, 드, 시, 치, 슈, 은, 를… */
    private void writeSyllable(int i) {
        int c = code(i);
        char onset = pendingOnset != 0 ? pendingOnset : ONSETS.charAt(c - B);
        pendingOnset = 0;
        if (c == M || c == N || c == NG || c == L) {
            onset = onset == ONSETS.charAt(c - B) ? 'ㅇ' : onset;
            keys.append(onset).append('ㅡ').append(c == L ? 'ㄹ' : ONSETS.charAt(c - B));
            return;
        }
        if (c == S && roles[Math.max(0, i - 1)] == MERGED && i > 0) {
            onset = 'ㅊ';
        } else if (c == Z && endsPart(i) && p.letter(i) == 's') {
            applicable.add(Variant.FINAL_S);
            onset = flipped.contains(Variant.FINAL_S) ? 'ㅈ' : 'ㅅ';
        } else if (c == W || c == Y) {
            onset = 'ㅇ';
        }
        keys.append(onset).append(syllableVowel(i));
    }

    private char syllableVowel(int i) {
        switch (code(i)) {
            case SH:
                return endsPart(i) ? 'ㅣ' : 'ㅠ';
            case CH:
            case JH:
            case ZH:
            case Y:
                return 'ㅣ';
            case W:
                return 'ㅜ';
            default:
                return 'ㅡ';
        }
    }

    private void writeVowel(int i) {
        char onset = pendingOnset != 0 ? pendingOnset : 'ㅇ';
        pendingOnset = 0;
        int g = glide;
        glide = -1;
        if (glideAfterAw) {
            g = W;
            glideAfterAw = false;
        }
        String[] vowel = LoanwordVowels.of(this, i);
        String main = vowel[0];
        if (g == Y && (onset == 'ㅈ' || onset == 'ㅊ')) {
            g = -1; // no ㅈ/ㅊ + y-vowel in the orthography
        }
        if (g == Y && main.equals("ㅓ") && (onset == 'ㄷ' || onset == 'ㄹ' || onset == 'ㄴ')) {
            keys.append(onset).append("ㅣㅇㅓ"); // 제9항 3: 인디언, 유니언
        } else {
            keys.append(onset).append(glided(main, g));
        }
        keys.append(vowel[1]);
        int next = endsPart(i) ? -1 : code(i + 1);
        if (code(i) == AW && (next == ER || next == AH || next == R && roles[i + 1] == R_EO)) {
            keys.setLength(keys.length() - vowel[1].length()); // 제8항: tower 타워
            glideAfterAw = true;
        }
        if (code(i) == ER && !endsPart(i) && vowelAt(i + 1)) {
            pendingOnset = 'ㄹ'; // memory: the r of [ɚ] starts the next syllable
        }
    }

    /** A simple vowel with a y or w glide: ㅏ → ㅑ or ㅘ. */
    private static String glided(String vowel, int glide) {
        int k = PLAIN.indexOf(vowel);
        if (glide < 0 || k < 0) {
            return vowel;
        }
        return glide == Y ? WITH_Y[k] : WITH_W[k];
    }

    // ---- what the vowel rules need to know ----

    Pronunciation pronunciation() {
        return p;
    }

    boolean flipped(Variant v) {
        applicable.add(v);
        return flipped.contains(v);
    }

    boolean endsPartAt(int i) {
        return endsPart(i);
    }

    /** Whether vowel i ends its part, or only a final s follows it (windows). */
    boolean endsPartButS(int i) {
        return endsPart(i) || endsPart(i + 1) && (code(i + 1) == Z || code(i + 1) == S);
    }

    boolean afterGlide(int i, int glideCode) {
        return i > 0 && code(i - 1) == glideCode && !startsPart(i);
    }

    /** Whether vowel i's syllable is written without batchim. */
    boolean open(int i) {
        return endsPart(i) || roles[i + 1] != CODA && roles[i + 1] != DOUBLE_L;
    }

    /** Whether only consonants follow vowel i in its part, ending in a voiceless stop (lock, box). */
    boolean closedByFinalStop(int i) {
        int k = i + 1;
        while (k < p.size() && !isVowel(code(k)) && !(k > i + 1 && startsPart(k))) {
            k++;
        }
        if (k < p.size() && !startsPart(k) || k == i + 1) {
            return false;
        }
        int c = code(i + 1);
        return c == P || c == T || c == K;
    }
}
