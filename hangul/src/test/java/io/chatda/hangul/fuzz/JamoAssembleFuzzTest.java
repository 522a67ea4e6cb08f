package io.chatda.hangul.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.hangul.Jamo;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzz target for {@code Jamo.assemble}: any input, no exception, invariants hold. */
class JamoAssembleFuzzTest {
    @MethodSource("io.chatda.hangul.fuzz.Seeds#texts")
    @FuzzTest
    void assemble(@NotNull String text) {
        String composed = Jamo.assemble(text);
        assertThat(Jamo.assemble(composed)).isEqualTo(composed);
    }
}
