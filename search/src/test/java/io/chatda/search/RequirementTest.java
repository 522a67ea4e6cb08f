package io.chatda.search;

import static io.chatda.search.QueryFactory.Script.HANGUL;
import static io.chatda.search.QueryFactory.Script.LATIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementTest {

    @Test
    void theMinorityScriptIsOptional() {
        assertThat(Requirement.required(List.of(HANGUL, LATIN, HANGUL), List.of(5, 5, 5), 100))
                .containsExactly(true, false, true);
        assertThat(Requirement.required(List.of(LATIN, HANGUL, LATIN), List.of(5, 5, 5), 100))
                .containsExactly(true, false, true);
    }

    @Test
    void asManyWordsOfEachScriptAreAllRequired() {
        assertThat(Requirement.required(List.of(HANGUL, LATIN), List.of(5, 5), 100))
                .containsExactly(true, true);
    }

    @Test
    void ofThreeOrMoreTheCommonestGoesOnlyWhenCommon() {
        assertThat(Requirement.required(List.of(HANGUL, HANGUL, HANGUL), List.of(3, 40, 7), 100))
                .containsExactly(true, false, true);
        assertThat(Requirement.required(List.of(HANGUL, HANGUL, HANGUL), List.of(3, 10, 7), 100))
                .containsExactly(true, true, true);
        assertThat(Requirement.required(List.of(HANGUL, HANGUL), List.of(3, 90), 100))
                .containsExactly(true, true);
    }
}
