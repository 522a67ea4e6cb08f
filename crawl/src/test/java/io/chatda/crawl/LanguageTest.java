package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void everyCharacterOfTheHangulScriptAndNoOtherCountsAsKorean() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean hangul = Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
            assertThat(Language.detect(String.valueOf(c)))
                    .as("U+%04X", (int) c)
                    .isEqualTo(hangul ? Language.KOREAN : Language.ENGLISH);
        }
    }

    @Test
    void sharesOfHangulAndLatinDecide() {
        assertThat(Language.detect("검색 엔진의 색인")).isEqualTo(Language.KOREAN);
        assertThat(Language.detect("a search engine index")).isEqualTo(Language.ENGLISH);
        assertThat(Language.detect("검색 search engine")).isEqualTo(Language.MIXED);
        assertThat(Language.detect("123 !?")).isEqualTo(Language.ENGLISH);
    }
}
