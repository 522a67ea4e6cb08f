package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixSuggesterTest {

    private final PrefixSuggester suggester = new PrefixSuggester(List.of(
            new SuggestEntry("교착상태", 2, SuggestEntry.Kind.TITLE, "u:1"),
            new SuggestEntry("교착상태", 1, SuggestEntry.Kind.HEADING, "u:2"),
            new SuggestEntry("교환 법칙", 5, SuggestEntry.Kind.HEADING, "u:3"),
            new SuggestEntry("Deadlock", 1, SuggestEntry.Kind.TITLE, "u:4"),
            new SuggestEntry("가비지", 9, SuggestEntry.Kind.TITLE, "u:5")));

    @Test
    void returnsPrefixMatchesByWeightWithoutDuplicates() {
        assertThat(suggester.suggest("교", 10)).extracting(Suggestion::text).containsExactly("교환 법칙", "교착상태");
        assertThat(suggester.suggest("교", 10).get(1).url()).isEqualTo("u:1");
        assertThat(suggester.size()).isEqualTo(4);
    }

    @Test
    void ignoresCaseAndLimits() {
        assertThat(suggester.suggest("dEAD", 10)).extracting(Suggestion::text).containsExactly("Deadlock");
        assertThat(suggester.suggest("교", 1)).hasSize(1);
        assertThat(suggester.suggest("  ", 10)).isEmpty();
        assertThat(suggester.suggest("zzz", 10)).isEmpty();
    }
}
