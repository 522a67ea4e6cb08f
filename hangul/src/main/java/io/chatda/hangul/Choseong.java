package io.chatda.hangul;

import java.util.Objects;
import java.util.Optional;

/**
 * Initial consonants (초성, choseong): extraction, detection of initial-only queries, and matching
 * such queries against text.
 *
 * <p>Why: Korean users often search by initials only, ㄱㅅ for 검색 or ㅍㄹㅌ for 프론트엔드, because it
 * is quick to type and unambiguous enough for a suggestion list.
 *
 * <p>All methods are pure, accept any text and never throw except {@link NullPointerException}
 * for a {@code null} argument.
 */
public final class Choseong {
    private Choseong() {}

    /**
     * The initial consonant of every Hangul syllable, like es-hangul's {@code getChoseong}: lone
     * consonant jamo and whitespace are kept, everything else is dropped.
     *
     * <pre>{@code
     * of("프론트엔드") = "ㅍㄹㅌㅇㄷ"
     * of("띄어 쓰기") = "ㄸㅇ ㅆㄱ"
     * of("네이버123") = "ㄴㅇㅂ"
     * }</pre>
     */
    public static String of(CharSequence text) {
        return of(text, false);
    }

    /**
     * The initial consonant of every Hangul syllable; with {@code keepNonHangul}, characters that
     * are not Hangul (digits, Latin, punctuation, emoji) are kept too, as with es-hangul's {@code
     * getChoseong(text, { keepNonHangul: true })}: {@code of("네이버123", true) = "ㄴㅇㅂ123"}.
     *
     * <p>Vowel jamo never have an initial and are dropped in both modes. NFD text gives the same
     * result as precomposed text. In old Hangul, a syllable block's modern initial is used; an
     * archaic initial (ᅀ, ᅙ…) is dropped, or kept unchanged with {@code keepNonHangul}.
     */
    public static String of(CharSequence text, boolean keepNonHangul) {
        Objects.requireNonNull(text, "text");
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (JamoTables.isSyllable(c)) {
                out.append(JamoTables.choOf(c));
            } else if (JamoTables.isCompatConsonant(c)) {
                out.append(c);
            } else if (JamoTables.isModernLeading(c)) {
                out.append(JamoTables.compatOfConjoining(c));
            } else if (JamoTables.isLeading(c)) {
                if (keepNonHangul && c != 0x115F) { // not the filler
                    out.append(c);
                }
            } else if (JamoTables.isVowel(c) || JamoTables.isTrailing(c) || JamoTables.isCompatVowel(c)) {
                // no initial: dropped in both modes
            } else if (keepNonHangul || isJsWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether a query consists of initial consonants only (ignoring whitespace): {@code ㄱㅅ},
     * {@code ㅍㄹㅌ ㄱㅂㅈ}. An empty or blank query is not. Compound consonants count as the two
     * initials they are typed with, because a 2-set input method turns ㄱ then ㅅ into ㄳ when nothing
     * else is typed in between: {@code isChoseongOnly("ㄳ")} is true (es-hangul says false).
     */
    public static boolean isChoseongOnly(CharSequence query) {
        Objects.requireNonNull(query, "query");
        boolean any = false;
        for (int i = 0, n = query.length(); i < n; i++) {
            char c = query.charAt(i);
            if (JamoTables.isCompatConsonant(c) || JamoTables.isModernLeading(c)) {
                any = true;
            } else if (!isJsWhitespace(c)) {
                return false;
            }
        }
        return any;
    }

    /**
     * Whether the initials of {@code text} contain the choseong-only {@code query}, like es-hangul's
     * {@code choseongIncludes(text, query)}: whitespace is ignored on both sides and non-Hangul
     * characters in the text are skipped, so {@code ㅍㄹㅌㅇㄷㄱㅂㅈ} is found in {@code 프론트엔드 개발자}.
     * False when the query is not {@linkplain #isChoseongOnly choseong-only}.
     */
    public static boolean includes(CharSequence text, CharSequence query) {
        return find(text, query).isPresent();
    }

    /**
     * The first place where the choseong-only {@code query} matches the initials of {@code text},
     * as a UTF-16 range of the original text (see {@link #includes} for the rules); empty when there
     * is none or the query is not choseong-only.
     *
     * <pre>{@code
     * find("자바 검색 엔진", "ㄱㅅ") = Optional[ChoseongMatch[start=3, end=5]]
     * }</pre>
     */
    public static Optional<ChoseongMatch> find(CharSequence text, CharSequence query) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(query, "query");
        if (!isChoseongOnly(query)) {
            return Optional.empty();
        }
        StringBuilder wanted = new StringBuilder(query.length() * 2);
        for (int i = 0, n = query.length(); i < n; i++) {
            char c = query.charAt(i);
            if (JamoTables.isCompatConsonant(c)) {
                JamoTables.appendKeys(wanted, c);
            } else if (JamoTables.isModernLeading(c)) {
                wanted.append(JamoTables.compatOfConjoining(c));
            }
        }
        // initials of the text as keys, each with the text range it came from
        int n = text.length();
        StringBuilder keys = new StringBuilder(n);
        int[] starts = new int[n * 2];
        int[] ends = new int[n * 2];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char first;
            char second = 0;
            int end = i + 1;
            if (JamoTables.isSyllable(c)) {
                first = JamoTables.choOf(c);
                end = JamoTables.blockEnd(text, i);
            } else if (JamoTables.isModernLeading(c)) {
                first = JamoTables.compatOfConjoining(c);
                end = JamoTables.blockEnd(text, i);
            } else if (JamoTables.isCompatConsonant(c)) {
                first = JamoTables.firstKey(c);
                second = JamoTables.secondKey(c);
            } else {
                continue;
            }
            starts[keys.length()] = i;
            ends[keys.length()] = end;
            keys.append(first);
            if (second != 0) {
                starts[keys.length()] = i;
                ends[keys.length()] = end;
                keys.append(second);
            }
        }
        int at = keys.indexOf(wanted.toString());
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(new ChoseongMatch(starts[at], ends[at + wanted.length() - 1]));
    }

    /** JavaScript's {@code \s}, which es-hangul uses for "whitespace". */
    static boolean isJsWhitespace(char c) {
        switch (c) {
            case '\t':
            case '\n':
            case 0x0B:
            case '\f':
            case '\r':
            case ' ':
            case 0x00A0:
            case 0x1680:
            case 0x2028:
            case 0x2029:
            case 0x202F:
            case 0x205F:
            case 0x3000:
            case 0xFEFF:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }
}
