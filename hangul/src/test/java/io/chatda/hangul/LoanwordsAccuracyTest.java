package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How close the spellings come to what Korean writers use, on the tech words of
 * {@code loanwords-tech.tsv}: the share whose first spelling is one of the accepted ones, the
 * share with any spelling accepted, and the share with a spelling within one jamo edit of an
 * accepted one (what the search side tolerates). Prints the figures and the misses.
 */
class LoanwordsAccuracyTest {

    record Case(String english, List<String> accepted) {}

    @Test
    void techWordsComeOutAsKoreanWritersSpellThem() throws IOException {
        List<Case> cases = load();
        int first = 0;
        int any = 0;
        int withinOne = 0;
        StringBuilder misses = new StringBuilder();
        for (Case c : cases) {
            List<String> spellings = Loanwords.spellings(c.english());
            boolean firstExact = !spellings.isEmpty() && c.accepted().contains(spellings.get(0));
            boolean anyExact = spellings.stream().anyMatch(c.accepted()::contains);
            int distance = distance(spellings, c.accepted());
            first += firstExact ? 1 : 0;
            any += anyExact ? 1 : 0;
            withinOne += distance <= 1 ? 1 : 0;
            if (!firstExact) {
                misses.append(String.format(
                        Locale.ROOT,
                        "%n  %s %s -> %s (distance %d)",
                        anyExact ? "variant" : distance <= 1 ? "near" : "MISS",
                        c.english(),
                        spellings,
                        distance));
            }
        }
        int n = cases.size();
        System.out.printf(
                Locale.ROOT,
                "loanwords: %d words, first exact %d (%.1f %%), any exact %d (%.1f %%), "
                        + "any within one jamo edit %d (%.1f %%)%s%n",
                n,
                first,
                100.0 * first / n,
                any,
                100.0 * any / n,
                withinOne,
                100.0 * withinOne / n,
                misses);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat((double) any / n).as("any spelling exact").isGreaterThanOrEqualTo(0.80);
        assertThat((double) withinOne / n).as("within one jamo edit").isGreaterThanOrEqualTo(0.95);
    }

    static int distance(List<String> spellings, List<String> accepted) {
        int best = Integer.MAX_VALUE;
        for (String s : spellings) {
            for (String a : accepted) {
                best = Math.min(best, levenshtein(Jamo.disassemble(s), Jamo.disassemble(a)));
            }
        }
        return best;
    }

    static int levenshtein(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    static List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = LoanwordsAccuracyTest.class.getResourceAsStream("loanwords-tech.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t");
                    cases.add(new Case(fields[0], List.of(fields[1].split("\\|"))));
                }
            }
        }
        return cases;
    }
}
