package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.hangul.LayoutDetection;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code KeyboardLayout.detectMistypedEnglish}: any input, no exception, invariants hold. */
class KeyboardDetectMistypedEnglishFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void detectMistypedEnglish(@NotNull String hangul) {
        LayoutDetection detection = KeyboardLayout.detectMistypedEnglish(hangul);
        assertThat(detection.input()).isEqualTo(hangul);
        assertThat(detection.converted()).isEqualTo(KeyboardLayout.toQwerty(hangul));
        if (detection.mistyped()) {
            assertThat(detection.koreanCost()).isNotNaN();
        }
    }
}
