package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.Choseong;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code Choseong.includes}: any input, no exception, invariants hold. */
class ChoseongIncludesFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#textAndQuery")
    @FuzzTest
    void includes(@NotNull String text, @NotNull String query) {
        boolean included = Choseong.includes(text, query);
        assertThat(included).isEqualTo(Choseong.find(text, query).isPresent());
        if (included) {
            assertThat(Choseong.isChoseongOnly(query)).isTrue();
        }
    }
}
