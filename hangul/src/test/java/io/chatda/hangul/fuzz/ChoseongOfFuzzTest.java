package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.Choseong;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code Choseong.of}: any input, no exception, invariants hold. */
class ChoseongOfFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#textAndFlag")
    @FuzzTest
    void of(@NotNull String text, boolean keepNonHangul) {
        String initials = Choseong.of(text, keepNonHangul);
        if (!keepNonHangul) {
            assertThat(initials).isEqualTo(Choseong.of(text));
            assertThat(initials.chars()
                            .allMatch(c -> (c >= 0x3131 && c <= 0x314E)
                                    || Character.isWhitespace(c)
                                    || Character.isSpaceChar(c)
                                    || c == 0xFEFF))
                    .isTrue();
        }
        assertThat(initials.length()).isLessThanOrEqualTo(text.length());
    }
}
