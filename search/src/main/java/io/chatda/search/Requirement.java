package io.chatda.search;

import java.util.List;

/**
 * Which words of a query a page must have, chosen from the query itself: when Hangul and Latin
 * words are mixed, those of the minority script are optional (people write the English word for
 * what a Korean page names in Korean, and the reverse); of three or more remaining words, the least
 * informative (on the most pages) is optional when it is common. Optional words still score.
 */
final class Requirement {

    /** A word on at least this share of the pages is common enough to be let go. */
    static final double COMMON_SHARE = 0.2;

    private Requirement() {}

    /**
     * @param scripts the script of each word group
     * @param pages   on how many pages each group's words occur
     * @param docs    pages in the index
     * @return per group, whether it is required
     */
    static boolean[] required(List<QueryFactory.Script> scripts, List<Integer> pages, int docs) {
        int n = scripts.size();
        boolean[] required = new boolean[n];
        long hangul =
                scripts.stream().filter(s -> s == QueryFactory.Script.HANGUL).count();
        long latin =
                scripts.stream().filter(s -> s == QueryFactory.Script.LATIN).count();
        boolean mixed = hangul > 0 && latin > 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            QueryFactory.Script script = scripts.get(i);
            // with as many words of each script, all are required (strict) and relaxation covers the rest
            boolean minority = mixed
                    && (script == QueryFactory.Script.LATIN
                            ? latin < hangul
                            : script == QueryFactory.Script.HANGUL && hangul < latin);
            required[i] = !minority;
            count += required[i] ? 1 : 0;
        }
        if (count >= 3) {
            int common = -1;
            for (int i = 0; i < n; i++) {
                if (required[i] && (common < 0 || pages.get(i) > pages.get(common))) {
                    common = i;
                }
            }
            if (pages.get(common) >= COMMON_SHARE * docs) {
                required[common] = false;
            }
        }
        return required;
    }
}
