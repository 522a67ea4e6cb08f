package io.chatda.bench.search;

import io.chatda.search.SearchDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Page titles as a user would remember them: without the site-wide suffix ("— Python 3.11.2
 * documentation") and without the section number ("4.14.", "16장.", "부록 D."), which nobody types.
 */
final class Titles {

    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:\\d+(?:\\.\\d+)*\\.?|\\d+장\\.?|부록\\s+[A-Z]\\.?|부\\s+[IVXLC]+\\.?|Appendix\\s+[A-Z]\\.?)\\s+");
    /** Punctuation around a word that nobody types in a search box. */
    private static final String EDGE_PUNCTUATION = "()[]{}“”\"'‘’«»:;,.?!…·";

    private Titles() {}

    /** The title without the site's suffix and leading section number. */
    static String clean(String title, String siteSuffix) {
        String t = siteSuffix != null && title.endsWith(siteSuffix)
                ? title.substring(0, title.length() - siteSuffix.length())
                : title;
        return NUMBERING.matcher(t.strip()).replaceFirst("").strip();
    }

    /** The words of a title: split at spaces, dashes and brackets, punctuation around each word removed. */
    static List<String> words(String title) {
        List<String> words = new ArrayList<>();
        for (String raw : title.split("[\\s—–()\\[\\]]+|\\s-\\s")) {
            String w = trim(raw);
            if (!w.isEmpty() && !w.equals("-")) {
                words.add(w);
            }
        }
        return words;
    }

    private static String trim(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && EDGE_PUNCTUATION.indexOf(word.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && EDGE_PUNCTUATION.indexOf(word.charAt(to - 1)) >= 0) {
            to--;
        }
        return word.substring(from, to);
    }

    /** Per site, the text after the last dash that more than half of its titles end with, dash included. */
    static Map<String, String> commonSuffixes(List<SearchDocument> docs) {
        Map<String, Map<String, Integer>> bySite = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (SearchDocument d : docs) {
            sizes.merge(d.site(), 1, Integer::sum);
            int dash = Math.max(d.title().lastIndexOf(" — "), d.title().lastIndexOf(" - "));
            if (dash > 0) {
                bySite.computeIfAbsent(d.site(), s -> new HashMap<>())
                        .merge(d.title().substring(dash), 1, Integer::sum);
            }
        }
        Map<String, String> result = new HashMap<>();
        bySite.forEach((site, suffixes) -> suffixes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() * 2 > sizes.get(site))
                .ifPresent(e -> result.put(site, e.getKey())));
        return result;
    }
}
