package io.chatda.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user typed into the search box, parsed by chatda's own forgiving grammar: words,
 * {@code "exact phrases"}, {@code -excluded} words, {@code site:host} and {@code OR} between clauses.
 * Anything unusual (a lone quote, a bare {@code -}, Lucene operators) is read as plain text, so a
 * query never fails to parse.
 *
 * @param groups   clauses that must all match; each group matches if any of its terms does ({@code a OR b})
 * @param excluded terms that must not match
 * @param site     host to restrict results to, or empty
 */
public record UserQuery(List<List<Term>> groups, List<Term> excluded, String site) {

    /** A word or a quoted phrase. */
    public record Term(String text, boolean phrase) {}

    public UserQuery {
        groups = groups.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
    }

    /** Whether there is nothing positive to search for. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** Words after this many are ignored (a query is a few words; this bounds the work per search). */
    public static final int MAX_TERMS = 32;
    /** Longer words or phrases are cut to this many characters. */
    public static final int MAX_TERM_CHARS = 256;

    /** Parses the raw query text; never throws. */
    public static UserQuery parse(String raw) {
        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        String site = "";
        boolean orPending = false;
        int terms = 0;
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negate = c == '-' && i + 1 < n && !Character.isWhitespace(raw.charAt(i + 1));
            int start = negate ? i + 1 : i;
            Term term;
            if (start < n && raw.charAt(start) == '"') {
                int close = raw.indexOf('"', start + 1);
                if (close < 0) {
                    // lone quote: the rest is ordinary words
                    term = new Term(raw.substring(start + 1).strip(), false);
                    i = n;
                } else {
                    term = new Term(raw.substring(start + 1, close).strip(), true);
                    i = close + 1;
                }
            } else {
                int end = start;
                while (end < n && !Character.isWhitespace(raw.charAt(end))) {
                    end++;
                }
                String word = raw.substring(start, end);
                i = end;
                if (!negate && word.equals("OR")) {
                    orPending = !groups.isEmpty();
                    continue;
                }
                if (!negate && word.toLowerCase(Locale.ROOT).startsWith("site:") && word.length() > 5) {
                    site = word.substring(5).toLowerCase(Locale.ROOT);
                    continue;
                }
                term = new Term(word, false);
            }
            if (term.text().isEmpty() || terms == MAX_TERMS) {
                continue;
            }
            if (term.text().length() > MAX_TERM_CHARS) {
                term = new Term(term.text().substring(0, MAX_TERM_CHARS), term.phrase());
            }
            if (negate) {
                excluded.add(term);
            } else if (orPending) {
                groups.get(groups.size() - 1).add(term);
            } else {
                groups.add(new ArrayList<>(List.of(term)));
            }
            orPending = false;
            terms++;
        }
        return new UserQuery(groups, excluded, site);
    }
}
