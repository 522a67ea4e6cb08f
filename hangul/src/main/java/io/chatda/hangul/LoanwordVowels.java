package io.chatda.hangul;

import static io.chatda.hangul.Arpabet.*;

import io.chatda.hangul.LoanwordSpeller.Variant;

/**
 * The vowel of a syllable (제7항, 제8항 and the vowel table of 표 1): stressed vowels by their
 * sound; reduced vowels ([ə], which Korean writers spell after the letter) by their spelling:
 * a and o keep ㅏ and ㅗ in open syllables (자바스크립트, 메모리), i is ㅣ, e is ㅔ (소켓) except before
 * n (클라이언트, and 토큰 at the end), and the rest ㅓ.
 */
final class LoanwordVowels {
    private LoanwordVowels() {}

    /** The syllable's vowel key(s) and the keys of a second syllable ("ㅇㅣ" for [ai]). */
    static String[] of(LoanwordSpeller s, int i) {
        Pronunciation p = s.pronunciation();
        int code = p.codes()[i];
        boolean stressed = p.stressed()[i];
        switch (code) {
            case AA:
                return one(stressed ? openA(s, i) : reduced(s, i));
            case AE:
                return one(s.flipped(Variant.AE_AS_A) ? "ㅏ" : "ㅐ");
            case AH:
                return one(stressed ? "ㅓ" : reduced(s, i));
            case AO:
                return one("ㅗ");
            case AW:
                return new String[] {"ㅏ", "ㅇㅜ"};
            case AY:
                return new String[] {"ㅏ", "ㅇㅣ"};
            case EH:
                return one("ㅔ");
            case ER:
                return one(
                        !stressed && p.letter(i) == 'o' && !s.endsPartAt(i) && isVowel(p.codes()[i + 1]) ? "ㅗ" : "ㅓ");
            case EY:
                return new String[] {"ㅔ", "ㅇㅣ"};
            case OW:
                return s.endsPartButS(i) && s.flipped(Variant.FINAL_OU) ? new String[] {"ㅗ", "ㅇㅜ"} : one("ㅗ");
            case OY:
                return new String[] {"ㅗ", "ㅇㅣ"};
            case UH:
            case UW:
                return one("ㅜ");
            default: // IH, IY
                return one("ㅣ");
        }
    }

    private static String[] one(String vowel) {
        return new String[] {vowel, ""};
    }

    /** Stressed [ɑ]: ㅏ, but o-spelled [ɑ] (British [ɒ]) is ㅗ except in 락, 탑, 박스. */
    private static String openA(LoanwordSpeller s, int i) {
        Pronunciation p = s.pronunciation();
        if (s.afterGlide(i, W)) {
            return s.flipped(Variant.O_VOWEL) ? "ㅏ" : "ㅓ"; // want 원트, [wɔ] → 워
        }
        if (p.letter(i) != 'o') {
            return spelledAu(p, i) ? "ㅗ" : "ㅏ"; // audio 오디오: British [ɔː]
        }
        boolean a = s.closedByFinalStop(i);
        return a != s.flipped(Variant.O_VOWEL) ? "ㅏ" : "ㅗ";
    }

    /** A reduced vowel, after its letter. */
    private static String reduced(LoanwordSpeller s, int i) {
        Pronunciation p = s.pronunciation();
        char letter = p.letter(i);
        boolean open = s.open(i);
        if (syllabicL(p, i)) {
            return "ㅡ"; // apple 애플, table 테이블
        }
        if (!s.endsPartAt(i) && p.codes()[i + 1] == JH && s.endsPartAt(i + 1)) {
            return "ㅣ"; // -age [ɪdʒ]: message 메시지, package 패키지
        }
        if ((letter == 'a' || letter == 'o') && doubledConsonantAfter(p, i)) {
            return "ㅓ"; // commit 커밋, connect 커넥트, account 어카운트
        }
        switch (letter) {
            case 'a':
                return open && !(i > 0 && isVowel(p.codes()[i - 1])) ? "ㅏ" : "ㅓ";
            case 'o':
                return open ? "ㅗ" : "ㅓ";
            case 'i':
            case 'y':
                return "ㅣ";
            case 'u':
                return s.afterGlide(i, Y) ? "ㅜ" : "ㅓ";
            case 'e':
                return reducedE(s, i, open);
            default:
                return "ㅓ";
        }
    }

    private static String reducedE(LoanwordSpeller s, int i, boolean open) {
        Pronunciation p = s.pronunciation();
        int next = s.endsPartAt(i) ? -1 : p.codes()[i + 1];
        if (next == N) {
            boolean finalN = s.endsPartAt(i + 1);
            int before = i > 0 ? p.codes()[i - 1] : -1;
            boolean obstruent = before >= B && !isSonorant(before) && !isNasal(before);
            return finalN && obstruent ? "ㅡ" : "ㅓ"; // token 토큰, client 클라이언트
        }
        if (open) {
            return "ㅔ";
        }
        boolean eo = next == L && s.endsPartAt(i + 1); // channel 채널, but select 셀렉트
        return eo != s.flipped(Variant.REDUCED_E) ? "ㅓ" : "ㅔ";
    }

    private static boolean spelledAu(Pronunciation p, int i) {
        String w = p.word();
        int at = p.letters()[i];
        return at + 1 < w.length() && (w.charAt(at + 1) == 'u' || w.charAt(at + 1) == 'w');
    }

    /** Whether the vowel's letter is followed by a doubled consonant letter (commit, apply). */
    private static boolean doubledConsonantAfter(Pronunciation p, int i) {
        String w = p.word();
        int at = p.letters()[i];
        return at + 2 < w.length() && w.charAt(at + 1) == w.charAt(at + 2) && "aeiouy".indexOf(w.charAt(at + 1)) < 0;
    }

    /** The [ə] of a final consonant + le (apple, table, google). */
    private static boolean syllabicL(Pronunciation p, int i) {
        String w = p.word();
        int n = p.size();
        return i == n - 2
                && p.codes()[n - 1] == L
                && w.endsWith("le")
                && w.length() > 2
                && "aeiouy".indexOf(w.charAt(w.length() - 3)) < 0;
    }
}
