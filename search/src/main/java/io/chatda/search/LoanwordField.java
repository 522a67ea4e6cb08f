package io.chatda.search;

import io.chatda.hangul.Jamo;
import io.chatda.hangul.Loanwords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transliteration bridge: every English word of a page is also indexed as its Hangul loanword
 * spellings ({@link Loanwords}, the loanword orthography over the CMU pronouncing dictionary),
 * written in jamo, in the {@link Fields#LOANWORDS} field. A Hangul query word then matches pages
 * that write the English word (데드락 → deadlock) by a fuzzy lookup in jamo space, which forgives the
 * usual spelling variation (데드록, 데드락).
 */
final class LoanwordField {

    private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{3,20}(?![A-Za-z0-9])");
    /** Distinct English words transliterated per page; a page has far fewer real ones. */
    private static final int MAX_WORDS = 2_000;

    private LoanwordField() {}

    /** The jamo spellings of the distinct English words of {@code text}, space-separated terms. */
    static List<String> terms(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = ENGLISH_WORD.matcher(text);
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        List<String> terms = new ArrayList<>();
        for (String word : words) {
            for (String spelling : Loanwords.spellings(word)) {
                terms.add(Jamo.disassemble(spelling));
            }
        }
        return terms;
    }

    /** The text to index in the field for a page's title, headings and body. */
    static String fieldText(String text) {
        return String.join(" ", terms(text));
    }

    /** A Hangul query word (particles stripped) in the field's jamo form. */
    static String queryForm(String hangulWord) {
        return Jamo.disassemble(hangulWord);
    }
}
