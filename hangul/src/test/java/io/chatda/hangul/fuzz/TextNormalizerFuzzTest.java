package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.TextNormalizer;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code TextNormalizer.normalize}: any input, no exception, invariants hold. */
class TextNormalizerFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void normalize(@NotNull String text) {
        String normalized = TextNormalizer.normalize(text);
        assertThat(TextNormalizer.normalize(normalized)).isEqualTo(normalized);
        assertThat(normalized).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    }
}
