package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.Jamo;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code Jamo.disassemble}: any input, no exception, invariants hold. */
class JamoDisassembleFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void disassemble(@NotNull String text) {
        String keys = Jamo.disassemble(text);
        assertThat(Jamo.disassemble(keys)).isEqualTo(keys);
    }
}
