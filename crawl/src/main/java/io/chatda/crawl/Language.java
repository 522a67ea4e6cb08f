package io.chatda.crawl;

/**
 * Tells Korean, English and mixed text apart by counting Hangul and Latin letters.
 * Good enough for routing text to the right analyzer; not a general language identifier.
 */
public final class Language {
    public static final String KOREAN = "ko";
    public static final String ENGLISH = "en";
    public static final String MIXED = "mixed";

    /** Share of letters below which a script is considered incidental. */
    private static final double MINOR_SHARE = 0.1;

    private Language() {}

    /** Returns {@link #KOREAN}, {@link #ENGLISH} or {@link #MIXED} for the text. */
    public static String detect(String text) {
        long hangul = 0;
        long latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHangul(c)) {
                hangul++;
            } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                latin++;
            }
        }
        // a Hangul syllable carries about three Latin letters' worth of text
        double koreanWeight = hangul * 3.0;
        double total = koreanWeight + latin;
        if (total == 0) {
            return ENGLISH;
        }
        double koreanShare = koreanWeight / total;
        if (koreanShare >= 1 - MINOR_SHARE) {
            return KOREAN;
        }
        if (koreanShare <= MINOR_SHARE) {
            return ENGLISH;
        }
        return MIXED;
    }

    /** {@code Character.UnicodeScript.of(c) == HANGUL}, without its binary search for the common cases. */
    private static boolean isHangul(char c) {
        if (c < 0x1100) {
            return false;
        }
        if (c >= 0xac00 && c <= 0xd7a3) {
            return true;
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }
}
