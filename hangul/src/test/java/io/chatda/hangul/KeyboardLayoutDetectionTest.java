package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wrong-input-mode detector, on the examples of the issue and on word lists. */
class KeyboardLayoutDetectionTest {

    @Test
    void koreanTypedInEnglishModeIsDetected() {
        LayoutDetection rjator = KeyboardLayout.detectMistypedKorean("rjator");
        assertThat(rjator.mistyped()).isTrue();
        assertThat(rjator.converted()).isEqualTo("검색");
        assertThat(rjator.input()).isEqualTo("rjator");
        assertThat(rjator.koreanCost()).isLessThan(rjator.englishCost());

        assertThat(KeyboardLayout.detectMistypedKorean("dkssud").mistyped()).isTrue();
        assertThat(KeyboardLayout.detectMistypedKorean("dkssudgktpdy").mistyped())
                .isTrue();
        assertThat(KeyboardLayout.detectMistypedKorean("rjator dpswls").converted())
                .isEqualTo("검색 엔진");
        assertThat(KeyboardLayout.detectMistypedKorean("rjator dpswls").mistyped())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"search", "java", "hello", "go", "git", "xml", "Java", "README", "to do"})
    void englishIsNotDetected(String word) {
        LayoutDetection detection = KeyboardLayout.detectMistypedKorean(word);
        assertThat(detection.mistyped()).isFalse();
    }

    @Test
    void unfinishedLastSyllableStillCounts() {
        // typing 검색 in the wrong mode, caught half-way
        assertThat(KeyboardLayout.detectMistypedKorean("rjat").mistyped()).isTrue();
        assertThat(KeyboardLayout.detectMistypedKorean("rjat").converted()).isEqualTo("검ㅅ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "123", "!?", "r", "검색", "rjator검색", "😀"})
    void noLettersSingleLetterOrHangulIsNotJudged(String input) {
        assertThat(KeyboardLayout.detectMistypedKorean(input).mistyped()).isFalse();
    }

    @Test
    void englishTypedInKoreanModeIsDetected() {
        LayoutDetection hello = KeyboardLayout.detectMistypedEnglish("ㅗ디ㅣㅐ");
        assertThat(hello.mistyped()).isTrue();
        assertThat(hello.converted()).isEqualTo("hello");
        assertThat(KeyboardLayout.detectMistypedEnglish("ㅓㅁㅍㅁ").mistyped()).isTrue();
        assertThat(KeyboardLayout.detectMistypedEnglish("ㄴㄷㅁㄱ초").mistyped()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"안녕", "검색", "검ㅅ", "ㄱㅅ", "", "hello", "java 검색", "123"})
    void koreanIsNotDetectedAsEnglish(String input) {
        assertThat(KeyboardLayout.detectMistypedEnglish(input).mistyped()).isFalse();
    }

    @Test
    void noEnglishWordOfTheListTurnsIntoHangul() throws IOException {
        List<String> wrong = lines("english-words.txt").stream()
                .filter(word -> KeyboardLayout.detectMistypedKorean(word).mistyped())
                .collect(Collectors.toList());
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyKoreanWordOfTheListTypedInEnglishModeIsDetected() throws IOException {
        List<String> missed = lines("korean-words.txt").stream()
                .filter(word -> !KeyboardLayout.detectMistypedKorean(KeyboardLayout.toQwerty(word))
                        .mistyped())
                .collect(Collectors.toList());
        assertThat(missed).isEmpty();
    }

    @Test
    void noKoreanWordOfTheListIsTakenForEnglish() throws IOException {
        List<String> wrong = lines("korean-words.txt").stream()
                .filter(word -> KeyboardLayout.detectMistypedEnglish(word).mistyped())
                .collect(Collectors.toList());
        assertThat(wrong).isEmpty();
    }

    @Test
    void mostEnglishWordsTypedInKoreanModeAreDetected() throws IOException {
        List<String> words = lines("english-words.txt");
        long detected = words.stream()
                .filter(word -> KeyboardLayout.detectMistypedEnglish(KeyboardLayout.toHangul(word))
                        .mistyped())
                .count();
        // the rest read as plausible Korean (go → 해, work → 재가) and are left alone on purpose
        assertThat(detected).isGreaterThan(words.size() * 85L / 100);
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = KeyboardLayoutDetectionTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }
}
