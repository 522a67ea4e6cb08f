package io.chatda.suggest;

import io.chatda.hangul.Jamo;
import io.chatda.hangul.TextNormalizer;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Turns text into the byte keys the engine sorts and compares. Each character is normalised on its
 * own ({@link TextNormalizer}), split into the keys a 2-set keyboard types ({@link Jamo#disassemble})
 * and every resulting symbol is written as one <em>unit</em>: an ASCII character as its byte, a
 * compatibility jamo (U+3131–U+3163) as one byte 0x80–0xB2, anything else as 0xF0 followed by its two
 * UTF-16 bytes. The lead byte tells a unit's length, so a prefix of units is a prefix of bytes and
 * edits can be counted in units (jamo and letters), never in bytes. Whitespace makes no unit: keys
 * ignore spaces, so 검색엔 reaches 검색 엔진.
 *
 * <p>Because each character is encoded on its own, the key of a text is the concatenation of its
 * characters' keys, which maps a matched key range back to the characters to highlight. The table
 * for ASCII, jamo and all 11,172 syllables is computed once; other characters go through the
 * normaliser. Immutable and thread-safe.
 */
final class KeyCodec {

    static final int JAMO_FIRST = 0x3131;
    static final int JAMO_LAST = 0x3163;
    static final int WIDE = 0xF0;
    private static final int SYLLABLE_FIRST = 0xAC00;
    private static final int SYLLABLE_LAST = 0xD7A3;
    private static final byte[] NONE = new byte[0];
    /**
     * Char ranges besides jamo and syllables whose keys are tabled: ASCII, Latin-1 and Latin
     * Extended-A/B, general punctuation, halfwidth and fullwidth forms.
     */
    private static final int[][] TABLED = {{0, 0x24F}, {0x2000, 0x206F}, {0xFF00, 0xFFEF}};

    /** The one codec: its tables are immutable, so every index shares them. */
    static final KeyCodec INSTANCE = new KeyCodec();

    /**
     * Key bytes per char for ASCII, Latin with diacritics, general punctuation, compatibility jamo,
     * precomposed syllables and fullwidth forms, by char; other chars go through the normaliser each
     * time (about a microsecond: the answers of a Latin query such as matinée used to spend that on
     * every accented letter when their spans were computed).
     */
    private final byte[][] table = new byte[0xFFFF + 1][];
    /** The initial-consonant unit of each syllable or lone consonant jamo, or 0. */
    private final byte[] initial = new byte[SYLLABLE_LAST + 1];

    private KeyCodec() {
        for (int[] range : TABLED) {
            for (int c = range[0]; c <= range[1]; c++) {
                table[c] = slow(String.valueOf((char) c));
            }
        }
        for (int c = JAMO_FIRST; c <= JAMO_LAST; c++) {
            table[c] = slow(String.valueOf((char) c));
            if (isConsonant(c) && table[c].length == 1) {
                initial[c] = table[c][0];
            }
        }
        for (int c = SYLLABLE_FIRST; c <= SYLLABLE_LAST; c++) {
            table[c] = slow(String.valueOf((char) c));
            initial[c] = table[c][0];
        }
    }

    /** The key bytes of one code point (empty for whitespace and characters the normaliser drops). */
    byte[] unitsOf(int codePoint) {
        if (codePoint < table.length && table[codePoint] != null) {
            return table[codePoint];
        }
        return slow(Character.toString(codePoint));
    }

    /** The choseong unit a code point contributes: a syllable's initial or a lone consonant; else 0. */
    byte initialOf(int codePoint) {
        return codePoint <= SYLLABLE_LAST ? initial[codePoint] : 0;
    }

    /** The key of a whole text. */
    byte[] key(CharSequence text) {
        byte[] out = new byte[text.length() * 5];
        int size = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            byte[] units = unitsOf(cp);
            if (size + units.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + units.length));
            }
            System.arraycopy(units, 0, out, size, units.length);
            size += units.length;
            i += Character.charCount(cp);
        }
        return Arrays.copyOf(out, size);
    }

    /** Length in bytes of the unit starting with {@code lead}. */
    static int unitLength(byte lead) {
        return (lead & 0xFF) == WIDE ? 3 : 1;
    }

    /** Number of units (jamo, letters, other characters) in a key. */
    static int units(byte[] key) {
        int n = 0;
        for (int i = 0; i < key.length; i += unitLength(key[i])) {
            n++;
        }
        return n;
    }

    /** Whether {@code units}, read from index {@code from}, begin with {@code prefix}. */
    static boolean startsWith(byte[] units, int from, byte[] prefix) {
        return units.length - from >= prefix.length
                && Arrays.equals(units, from, from + prefix.length, prefix, 0, prefix.length);
    }

    /** Whether a unit is a compatibility consonant jamo. */
    static boolean isConsonantUnit(byte b) {
        int v = b & 0xFF;
        return v >= 0x80 && v <= 0xB2 && isConsonant(v - 0x80 + JAMO_FIRST);
    }

    /** Whether a unit is a compatibility jamo. */
    static boolean isJamoUnit(byte b) {
        int v = b & 0xFF;
        return v >= 0x80 && v <= 0xB2;
    }

    static boolean isSyllable(int codePoint) {
        return codePoint >= SYLLABLE_FIRST && codePoint <= SYLLABLE_LAST;
    }

    private static boolean isConsonant(int c) {
        return c >= JAMO_FIRST && c <= 0x314E;
    }

    private static byte[] slow(String ch) {
        String keys = Jamo.disassemble(TextNormalizer.normalize(ch));
        if (keys.isEmpty()) {
            return NONE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(keys.length());
        for (int i = 0; i < keys.length(); i++) {
            char k = keys.charAt(i);
            if (Character.isWhitespace(k)) {
                continue;
            }
            if (k < 0x80) {
                out.write(k);
            } else if (k >= JAMO_FIRST && k <= JAMO_LAST) {
                out.write(0x80 + k - JAMO_FIRST);
            } else {
                out.write(WIDE);
                out.write(k >>> 8);
                out.write(k & 0xFF);
            }
        }
        return out.toByteArray();
    }
}
