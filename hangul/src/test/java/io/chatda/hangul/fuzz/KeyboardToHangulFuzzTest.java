package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.KeyboardLayout;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code KeyboardLayout.toHangul}: any input, no exception, invariants hold. */
class KeyboardToHangulFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void toHangul(@NotNull String latin) {
        String hangul = KeyboardLayout.toHangul(latin);
        assertThat(hangul.chars().noneMatch(c -> (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)))
                .isTrue();
    }
}
