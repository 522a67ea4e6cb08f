package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.Choseong;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code Choseong.find}: any input, no exception, invariants hold. */
class ChoseongFindFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#textAndQuery")
    @FuzzTest
    void find(@NotNull String text, @NotNull String query) {
        Choseong.find(text, query).ifPresent(match -> {
            assertThat(match.end()).isLessThanOrEqualTo(text.length());
            assertThat(Choseong.includes(text.substring(match.start(), match.end()), query))
                    .isTrue();
        });
    }
}
