package io.chatda.search.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.search.UserQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fuzz target of the search box's grammar: any text parses (never throws) into a bounded query whose every term
 * is a non-blank piece of what was typed, and text without operators is just its words. Seeds:
 * {@code src/test/resources/io/chatda/search/fuzz/UserQueryFuzzTestInputs/parse/}.
 */
class UserQueryFuzzTest {

    @FuzzTest
    void parse(@NotNull String raw) {
        UserQuery query = UserQuery.parse(raw);

        List<UserQuery.Term> terms = new ArrayList<>(query.excluded());
        query.groups().forEach(group -> {
            assertThat(group).as("a group of OR-ed terms").isNotEmpty();
            terms.addAll(group);
        });
        assertThat(terms).hasSizeLessThanOrEqualTo(UserQuery.MAX_TERMS);
        for (UserQuery.Term term : terms) {
            assertThat(term.text()).isNotEmpty().hasSizeLessThanOrEqualTo(UserQuery.MAX_TERM_CHARS);
            assertThat(raw).contains(term.text());
            if (term.phrase()) {
                assertThat(term.text()).doesNotContain("\"");
            }
        }
        assertThat(query.site()).isEqualTo(query.site().toLowerCase(Locale.ROOT));
        assertThat(query.site()).doesNotContainPattern("\\s");
        if (!query.site().isEmpty()) {
            assertThat(followsSitePrefix(raw, query.site()))
                    .as("site %s from %s", query.site(), raw)
                    .isTrue();
        }
        if (plainWords(raw)) {
            List<String> words = words(raw);
            assertThat(query.excluded()).isEmpty();
            assertThat(query.groups()).allSatisfy(group -> assertThat(group).hasSize(1));
            assertThat(query.groups().stream().map(group -> group.get(0).text()).toList())
                    .isEqualTo(words.subList(0, Math.min(words.size(), UserQuery.MAX_TERMS)));
        }
    }

    /** Whether some text right after a {@code site:} of {@code raw} lower-cases to {@code site}. */
    private static boolean followsSitePrefix(String raw, String site) {
        for (int at = 0; at + 5 <= raw.length(); at++) {
            if (raw.regionMatches(true, at, "site:", 0, 5)) {
                for (int end = at + 6; end <= raw.length(); end++) {
                    if (raw.substring(at + 5, end).toLowerCase(Locale.ROOT).equals(site)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** No quote, no {@code -} starting a word, no {@code OR}, no {@code site:}, no word longer than the cut. */
    private static boolean plainWords(String raw) {
        return !raw.contains("\"")
                && words(raw).stream()
                        .noneMatch(w -> w.startsWith("-")
                                || w.equals("OR")
                                || w.toLowerCase(Locale.ROOT).startsWith("site:")
                                || w.length() > UserQuery.MAX_TERM_CHARS);
    }

    private static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < raw.length() && !Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(raw.substring(start, i));
            }
        }
        return words;
    }
}
