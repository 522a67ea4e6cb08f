package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.Jamo;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code Jamo.startsWith}: any input, no exception, invariants hold. */
class JamoStartsWithFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#textAndQuery")
    @FuzzTest
    void startsWith(@NotNull String text, @NotNull String prefix) {
        assertThat(Jamo.startsWith(text, prefix))
                .isEqualTo(Jamo.disassemble(text).startsWith(Jamo.disassemble(prefix)));
        assertThat(Jamo.startsWith(text, text)).isTrue();
        // a space ends any syllable block; without it, an old-Hangul jamo at the start of prefix
        // would join the last syllable of text into one block (가 + ᇫ), which is kept whole
        assertThat(Jamo.startsWith(text + " " + prefix, text)).isTrue();
    }
}
