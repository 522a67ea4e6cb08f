package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Normalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoseongTest {

    @Nested
    class Of {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "프론트엔드, ㅍㄹㅌㅇㄷ",
            "사과, ㅅㄱ",
            "검색, ㄱㅅ",
            "리액트, ㄹㅇㅌ",
            "ㄴㅈ, ㄴㅈ",
            "값이, ㄱㅇ",
            "네이버123, ㄴㅇㅂ",
            "가ㅏ, ㄱ",
            "ㄳ, ㄳ",
        })
        void extractsInitials(String text, String initials) {
            assertThat(Choseong.of(text)).isEqualTo(initials);
        }

        @Test
        void keepsWhitespace() {
            assertThat(Choseong.of("띄어 쓰기")).isEqualTo("ㄸㅇ ㅆㄱ");
            assertThat(Choseong.of("프론트엔드  개발자\t")).isEqualTo("ㅍㄹㅌㅇㄷ  ㄱㅂㅈ\t");
        }

        @Test
        void keepNonHangulKeepsTheRest() {
            assertThat(Choseong.of("네이버123", true)).isEqualTo("ㄴㅇㅂ123");
            assertThat(Choseong.of("Java 검색😀!", true)).isEqualTo("Java ㄱㅅ😀!");
            assertThat(Choseong.of("Java 검색😀!")).isEqualTo(" ㄱㅅ");
        }

        @Test
        void emptyAndNonHangul() {
            assertThat(Choseong.of("")).isEmpty();
            assertThat(Choseong.of("abc")).isEmpty();
            assertThat(Choseong.of("ㅏㅓ")).isEmpty();
            assertThat(Choseong.of("ㅏㅓ", true)).isEmpty();
        }

        @Test
        void nfdGivesTheSameResult() {
            String nfd = Normalizer.normalize("프론트엔드 개발자", Normalizer.Form.NFD);
            assertThat(Choseong.of(nfd)).isEqualTo("ㅍㄹㅌㅇㄷ ㄱㅂㅈ");
        }

        @Test
        void oldHangulUsesModernInitials() {
            assertThat(Choseong.of("\u1112\u119E\u11AB글")).isEqualTo("ㅎㄱ");
            assertThat(Choseong.of("\u1140\u119E")).isEmpty(); // ᅀᆞ: archaic initial dropped
            assertThat(Choseong.of("\u1140\u119E", true)).isEqualTo("\u1140");
        }
    }

    @Nested
    class IsChoseongOnly {
        @ParameterizedTest
        @ValueSource(strings = {"ㄱ", "ㄱㅅ", "ㅍㄹㅌ ㄱㅂㅈ", " ㄱ ", "ㄲㄸ", "ㄳ", "\u1100\u1109"})
        void acceptsInitialsOnly(String query) {
            assertThat(Choseong.isChoseongOnly(query)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "검색", "ㄱ색", "ㄱa", "ㅏ", "ㄱㅏ", "ㄱ1", "ㆍ"})
        void rejectsAnythingElse(String query) {
            assertThat(Choseong.isChoseongOnly(query)).isFalse();
        }
    }

    @Nested
    class Matching {
        @Test
        void findsInitialsInText() {
            assertThat(Choseong.includes("프론트엔드", "ㅍㄹㅌ")).isTrue();
            assertThat(Choseong.includes("00프론트엔드", "ㅍㄹㅌ")).isTrue();
            assertThat(Choseong.includes("프론트엔드 개발자", "ㅍㄹㅌㅇㄷㄱㅂㅈ")).isTrue();
            assertThat(Choseong.includes("프론트엔드 개발자", "ㅍㄹㅌㅇㄷ ㄱㅂㅈ")).isTrue();
            assertThat(Choseong.includes("검색 엔진", "ㄱㅅ")).isTrue();
        }

        @Test
        void rejectsMissesAndNonChoseongQueries() {
            assertThat(Choseong.includes("프론트엔드", "ㅍㅌ")).isFalse();
            assertThat(Choseong.includes("프론트엔드 개발자", " ")).isFalse();
            assertThat(Choseong.includes("프론트엔드", "푸롴트")).isFalse();
            assertThat(Choseong.includes("", "ㄱ")).isFalse();
            assertThat(Choseong.includes("검색", "")).isFalse();
        }

        @Test
        void compoundConsonantQueryIsTheTwoInitials() {
            // an IME turns ㄱ then ㅅ into ㄳ
            assertThat(Choseong.includes("검색", "ㄳ")).isTrue();
            assertThat(Choseong.find("자바 검색", "ㄳ")).contains(new ChoseongMatch(3, 5));
        }

        @Test
        void reportsTheMatchedRange() {
            assertThat(Choseong.find("자바 검색 엔진", "ㄱㅅ")).contains(new ChoseongMatch(3, 5));
            assertThat(Choseong.find("자바 검색 엔진", "ㅂㄱ")).contains(new ChoseongMatch(1, 4));
            assertThat(Choseong.find("Java검색", "ㄱㅅ")).contains(new ChoseongMatch(4, 6));
            assertThat(Choseong.find("자바 검색 엔진", "ㅎ")).isEmpty();
        }

        @Test
        void rangeCoversNfdBlocks() {
            String nfd = Normalizer.normalize("검색", Normalizer.Form.NFD); // 6 chars
            assertThat(Choseong.find(nfd, "ㄱㅅ")).contains(new ChoseongMatch(0, 6));
            assertThat(Choseong.find("ㄱㅅ 모음", "ㄱㅅ")).contains(new ChoseongMatch(0, 2));
        }

        @Test
        void matchRecordValidatesItsRange() {
            assertThatIllegalArgumentException().isThrownBy(() -> new ChoseongMatch(-1, 2));
            assertThatIllegalArgumentException().isThrownBy(() -> new ChoseongMatch(3, 3));
        }
    }
}
