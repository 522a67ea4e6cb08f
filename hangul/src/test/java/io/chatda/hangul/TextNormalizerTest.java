package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "Ｊａｖａ 검색|java 검색",
                "ＡＢＣ①|abc1",
                "ﬁle|file",
                "HELLO World|hello world",
                "İstanbul|i̇stanbul",
                "검ㅅ|검ㅅ",
                "ㄱㅏ|ㄱㅏ",
                "ｶﾀｶﾅ|カタカナ",
                "ﾡￂ|ㄱㅏ",
                "Ⅻ|xii",
                "㎒|mhz",
            })
    void normalises(String text, String expected) {
        assertThat(TextNormalizer.normalize(text)).isEqualTo(expected);
    }

    @Test
    void foldsWhitespace() {
        assertThat(TextNormalizer.normalize("  Java\u3000검색\t\n엔진 \u00A0")).isEqualTo("java 검색 엔진");
        assertThat(TextNormalizer.normalize("a\u2003\u2009b")).isEqualTo("a b");
        assertThat(TextNormalizer.normalize(" \t\n ")).isEmpty();
        assertThat(TextNormalizer.normalize("")).isEmpty();
    }

    @Test
    void dropsZeroWidthCharacters() {
        assertThat(TextNormalizer.normalize("\uFEFF검\u200B색\u2060")).isEqualTo("검색");
    }

    @Test
    void composesNfdHangul() {
        String nfd = Normalizer.normalize("값이 비싸다", Normalizer.Form.NFD);
        assertThat(TextNormalizer.normalize(nfd)).isEqualTo("값이 비싸다");
    }

    @Test
    void keepsEmojiAndDigits() {
        assertThat(TextNormalizer.normalize("검색 😀 2024")).isEqualTo("검색 😀 2024");
    }

    @Test
    void isIdempotentOnTrickyInput() {
        for (String s : new String[] {"a\u200B\u0301", "\u3000\u0301x", "ΟΔΟΣ", "ẞ", "\uD800x", "K\u212A", "ㄱ\u1161"}) {
            String once = TextNormalizer.normalize(s);
            assertThat(TextNormalizer.normalize(once)).as(s).isEqualTo(once);
        }
    }
}
