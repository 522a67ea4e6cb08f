package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    @Test
    void wordsPhrasesExclusionsSiteAndOr() {
        UserQuery q = UserQuery.parse("교착상태 \"resource graph\" -가비지 site:Docs.Example.com a OR b");

        assertThat(q.groups())
                .containsExactly(
                        List.of(new UserQuery.Term("교착상태", false)),
                        List.of(new UserQuery.Term("resource graph", true)),
                        List.of(new UserQuery.Term("a", false), new UserQuery.Term("b", false)));
        assertThat(q.excluded()).containsExactly(new UserQuery.Term("가비지", false));
        assertThat(q.site()).isEqualTo("docs.example.com");
    }

    @Test
    void oddInputIsText() {
        assertThat(UserQuery.parse("\"unclosed phrase").groups())
                .containsExactly(List.of(new UserQuery.Term("unclosed phrase", false)));
        assertThat(UserQuery.parse("-").groups()).containsExactly(List.of(new UserQuery.Term("-", false)));
        assertThat(UserQuery.parse("site:").groups()).containsExactly(List.of(new UserQuery.Term("site:", false)));
        assertThat(UserQuery.parse("OR x").groups()).containsExactly(List.of(new UserQuery.Term("x", false)));
        assertThat(UserQuery.parse("title:x^3").groups())
                .containsExactly(List.of(new UserQuery.Term("title:x^3", false)));
        assertThat(UserQuery.parse("   ").isEmpty()).isTrue();
    }

    @Test
    void termsPastTheLimitAreIgnoredAlsoInsideOrGroups() {
        String alternatives = String.join(" OR ", Collections.nCopies(UserQuery.MAX_TERMS + 8, "x"));

        UserQuery q = UserQuery.parse(alternatives + " y -z");

        assertThat(q.groups()).singleElement().asList().hasSize(UserQuery.MAX_TERMS);
        assertThat(q.excluded()).isEmpty();
    }
}
