package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.KeyboardLayout;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code KeyboardLayout.toQwerty}: any input, no exception, invariants hold. */
class KeyboardToQwertyFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void toQwerty(@NotNull String hangul) {
        String latin = KeyboardLayout.toQwerty(hangul);
        assertThat(latin.chars().noneMatch(c -> c >= 0x3131 && c <= 0x3163)).isTrue();
    }
}
