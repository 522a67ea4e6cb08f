package io.chatda.hangul;

/**
 * The 2-set input-method automaton behind {@link Jamo#assemble}. One instance composes one text
 * and is then thrown away (local to a call, never shared).
 *
 * <p>The block being composed holds an initial key, up to two vowel keys and up to two final
 * keys. The rules follow es-hangul's {@code assemble}:
 *
 * <ul>
 *   <li>consonant after an initial alone: the initial is emitted as is (no ㄳ from lone ㄱ ㅅ);
 *   <li>vowel after an initial: forms a syllable; after a vowel that it compounds with (ㅗ+ㅏ):
 *       compound vowel; otherwise a new block;
 *   <li>consonant after a syllable without final: becomes the final if it can be one (not ㄸ ㅃ
 *       ㅉ); after a single final it compounds with (ㄹ+ㄱ): compound final;
 *   <li>vowel after a syllable with a final: the final (or the second half of a compound final)
 *       moves to start the next syllable (닭+ㅏ → 달가, 값+ㅣ → 갑시);
 *   <li>any other character ends the block and is copied.
 * </ul>
 */
final class Composer {
    private final StringBuilder out;
    private char cho; // initial key or NUL
    private char v1; // first vowel key or NUL
    private char v2; // second vowel key (compound) or NUL
    private char f1; // first final key or NUL
    private char f2; // second final key (compound) or NUL

    Composer(StringBuilder out) {
        this.out = out;
    }

    void accept(char c) {
        if (JamoTables.choIndex(c) >= 0) {
            consonant(c);
        } else if (JamoTables.jungIndex(c) >= 0 && JamoTables.secondKey(c) == 0) {
            vowel(c);
        } else {
            flush();
            out.append(c);
        }
    }

    StringBuilder finish() {
        flush();
        return out;
    }

    private void consonant(char c) {
        if (v1 != 0 && cho != 0) {
            if (f1 == 0) {
                if (JamoTables.jongIndex(c) > 0) {
                    f1 = c;
                    return;
                }
            } else if (f2 == 0 && JamoTables.compoundFinal(f1, c) != 0) {
                f2 = c;
                return;
            }
        }
        flush();
        cho = c;
    }

    private void vowel(char c) {
        if (v1 != 0 && f1 == 0) {
            if (v2 == 0 && JamoTables.compoundVowel(v1, c) != 0) {
                v2 = c;
                return;
            }
            flush();
            v1 = c;
            return;
        }
        if (f1 != 0) {
            // a final consonant moves to the next syllable
            char moved;
            if (f2 != 0) {
                moved = f2;
                f2 = 0;
            } else {
                moved = f1;
                f1 = 0;
            }
            flush();
            cho = moved;
            v1 = c;
            return;
        }
        if (cho != 0) {
            v1 = c;
            return;
        }
        flush();
        v1 = c;
    }

    private void flush() {
        if (cho != 0 && v1 != 0) {
            char vowel = v2 == 0 ? v1 : JamoTables.compoundVowel(v1, v2);
            char fin = f1 == 0 ? 0 : f2 == 0 ? f1 : JamoTables.compoundFinal(f1, f2);
            out.append(JamoTables.syllable(
                    JamoTables.choIndex(cho), JamoTables.jungIndex(vowel), fin == 0 ? 0 : JamoTables.jongIndex(fin)));
        } else if (cho != 0) {
            out.append(cho);
        } else if (v1 != 0) {
            out.append(v2 == 0 ? v1 : JamoTables.compoundVowel(v1, v2));
        }
        cho = 0;
        v1 = 0;
        v2 = 0;
        f1 = 0;
        f2 = 0;
    }
}
