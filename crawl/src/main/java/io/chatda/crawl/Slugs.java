package io.chatda.crawl;

import java.util.Locale;

/** URL fragment slugs for section titles; keeps Hangul and other letters, folds the rest to dashes. */
public final class Slugs {
    private Slugs() {}

    /** The slug of a heading or title: letters and digits lower-cased, runs of anything else one dash. */
    public static String slug(String title) {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < title.length(); ) {
            int cp = title.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.appendCodePoint(Character.toLowerCase(cp));
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
