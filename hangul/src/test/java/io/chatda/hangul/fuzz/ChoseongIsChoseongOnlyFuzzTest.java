package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.Choseong;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code Choseong.isChoseongOnly}: any input, no exception, invariants hold. */
class ChoseongIsChoseongOnlyFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void isChoseongOnly(@NotNull String query) {
        if (Choseong.isChoseongOnly(query)) {
            assertThat(Choseong.includes(query, query)).isTrue();
        }
    }
}
