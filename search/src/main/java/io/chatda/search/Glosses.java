package io.chatda.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean-English equivalences a page states itself, the way technical writing glosses its terms:
 * {@code 교착상태 (Deadlock)}, {@code 교착 상태(deadlock, 데드락)}, {@code Deadlock(데드락)}. Mined from
 * every page at indexing time and stored as keyword terms of the page ({@link Fields#GLOSSES}), so
 * a query word's equivalents are a prefix lookup in the term dictionary, always as current as the
 * index, and their document frequency says how many pages support them. Pure functions.
 */
final class Glosses {

    /** A pair of the same thing in two languages, one word each, lower-cased. */
    record Gloss(String korean, String english) {}

    /**
     * Korean word, then one English word in parentheses (first item of a comma list). Several English
     * words gloss several Korean ones (식사하는 철학자 (Dining Philosophers)), whose boundaries the
     * text doesn't show, so those are left out.
     */
    private static final Pattern KOREAN_FIRST =
            Pattern.compile("([가-힣]{2,15})\\s?\\(\\s*([A-Za-z][A-Za-z0-9.+#-]*)\\s*[,;)]");
    /** English word, then Korean in parentheses. */
    private static final Pattern ENGLISH_FIRST =
            Pattern.compile("(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.+#-]{1,30})\\s?\\(\\s*([가-힣]{2,15})\\s*[,;)]");
    /** Korean in a comma list inside the parentheses after an English word: {@code (deadlock, 데드락)}. */
    private static final Pattern LIST_PAIR =
            Pattern.compile("\\(\\s*([A-Za-z][A-Za-z0-9.+#-]{1,30})\\s*,\\s*([가-힣]{2,15})\\s*\\)");
    /** Key separator in stored terms; not a character of any word. */
    static final char SEPARATOR = '\u001f';

    static final String KOREAN_KEY = "k";
    static final String ENGLISH_KEY = "e";
    private static final int MAX_PER_PAGE = 200;

    private Glosses() {}

    /** The distinct glosses of a text, at most a couple of hundred. */
    static Set<Gloss> find(String text) {
        Set<Gloss> found = new LinkedHashSet<>();
        collect(KOREAN_FIRST.matcher(text), 1, 2, found);
        collect(ENGLISH_FIRST.matcher(text), 2, 1, found);
        collect(LIST_PAIR.matcher(text), 2, 1, found);
        return found;
    }

    private static void collect(Matcher m, int koreanGroup, int englishGroup, Set<Gloss> into) {
        while (m.find() && into.size() < MAX_PER_PAGE) {
            String korean = m.group(koreanGroup);
            String english = m.group(englishGroup).toLowerCase(Locale.ROOT);
            if (english.length() >= 2) {
                into.add(new Gloss(korean, english));
            }
        }
    }

    /** The two keyword terms stored for a gloss, one per lookup direction. */
    static List<String> terms(Gloss gloss) {
        return List.of(
                KOREAN_KEY + gloss.korean() + SEPARATOR + gloss.english(),
                ENGLISH_KEY + gloss.english() + SEPARATOR + gloss.korean());
    }

    /** The prefix under which {@code word}'s equivalents are stored. */
    static String prefix(String word) {
        String key = KoreanWords.hasHangul(word) ? KOREAN_KEY : ENGLISH_KEY;
        return key + word.toLowerCase(Locale.ROOT) + SEPARATOR;
    }
}
