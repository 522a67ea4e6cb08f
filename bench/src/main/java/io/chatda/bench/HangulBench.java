package io.chatda.bench;

import io.chatda.hangul.Choseong;
import io.chatda.hangul.Jamo;
import io.chatda.hangul.KeyboardLayout;
import io.chatda.hangul.LayoutDetection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the io.chatda.hangul primitives on a 20-character query, the size of what a search box
 * sends on every key press: {@code java -cp ... org.openjdk.jmh.Main HangulBench}, see
 * docs/hangul.md, "Performance", for the class path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HangulBench {

    /** Hangul, Latin, digits, punctuation and a compound final: 20 UTF-16 chars. */
    private String mixed;

    /** Korean typed in English mode, plus a Latin word and a digit: 20 chars. */
    private String latin;

    /** What disassemble produces for {@link #mixed}, input of assemble. */
    private String keys;

    @Setup
    public void setUp() {
        mixed = "검색엔진 Java 값이 닭 2024!";
        latin = "rjator dpswls Java 1";
        if (mixed.length() != 20 || latin.length() != 20) {
            throw new IllegalStateException("benchmark inputs must be 20 chars");
        }
        keys = Jamo.disassemble(mixed);
    }

    @Benchmark
    public String disassemble() {
        return Jamo.disassemble(mixed);
    }

    @Benchmark
    public String assemble() {
        return Jamo.assemble(keys);
    }

    @Benchmark
    public String toQwerty() {
        return KeyboardLayout.toQwerty(mixed);
    }

    @Benchmark
    public String toHangul() {
        return KeyboardLayout.toHangul(latin);
    }

    @Benchmark
    public LayoutDetection detectMistypedKorean() {
        return KeyboardLayout.detectMistypedKorean(latin);
    }

    @Benchmark
    public String choseong() {
        return Choseong.of(mixed);
    }
}
