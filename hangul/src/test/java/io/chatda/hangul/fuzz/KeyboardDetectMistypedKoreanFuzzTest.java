package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.hangul.LayoutDetection;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code KeyboardLayout.detectMistypedKorean}: any input, no exception, invariants hold. */
class KeyboardDetectMistypedKoreanFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void detectMistypedKorean(@NotNull String latin) {
        LayoutDetection detection = KeyboardLayout.detectMistypedKorean(latin);
        assertThat(detection.input()).isEqualTo(latin);
        assertThat(detection.converted()).isEqualTo(KeyboardLayout.toHangul(latin));
        if (detection.mistyped()) {
            assertThat(detection.koreanCost()).isLessThan(detection.englishCost());
        }
    }
}
