package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JamoTest {

    @Nested
    class Disassemble {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "검색, ㄱㅓㅁㅅㅐㄱ",
            "값, ㄱㅏㅂㅅ",
            "값이, ㄱㅏㅂㅅㅇㅣ",
            "닭, ㄷㅏㄹㄱ",
            "과, ㄱㅗㅏ",
            "ㅘ, ㅗㅏ",
            "ㄳ, ㄱㅅ",
            "ㅄ, ㅂㅅ",
            "ㄲ, ㄲ",
            "깎, ㄲㅏㄲ",
            "의, ㅇㅡㅣ",
            "뷁, ㅂㅜㅔㄹㄱ",
            "가나다, ㄱㅏㄴㅏㄷㅏ",
            "ㄱ, ㄱ",
            "ㅏ, ㅏ",
        })
        void splitsIntoKeys(String text, String keys) {
            assertThat(Jamo.disassemble(text)).isEqualTo(keys);
        }

        @Test
        void emptyStringStaysEmpty() {
            assertThat(Jamo.disassemble("")).isEmpty();
        }

        @Test
        void imeStatesArePrefixesOfTheFinishedWord() {
            String word = Jamo.disassemble("검색");
            for (String state : List.of("ㄱ", "거", "검", "검ㅅ", "검새", "검색")) {
                assertThat(word).startsWith(Jamo.disassemble(state));
            }
            // 검 may be the start of 거미: the ㅁ moves to the next syllable
            assertThat(Jamo.disassemble("거미")).startsWith(Jamo.disassemble("검"));
        }

        @Test
        void nonHangulPassesThrough() {
            assertThat(Jamo.disassemble("Java 8 검색!")).isEqualTo("Java 8 ㄱㅓㅁㅅㅐㄱ!");
            assertThat(Jamo.disassemble("abc 123 ?!")).isEqualTo("abc 123 ?!");
            assertThat(Jamo.disassemble("東京")).isEqualTo("東京");
        }

        @Test
        void emojiAndSurrogatePairsPassThrough() {
            assertThat(Jamo.disassemble("검색😀")).isEqualTo("ㄱㅓㅁㅅㅐㄱ😀");
            assertThat(Jamo.disassemble("👨‍👩‍👧 가족")).isEqualTo("👨‍👩‍👧 ㄱㅏㅈㅗㄱ");
            assertThat(Jamo.disassemble("𝄞가")).isEqualTo("𝄞ㄱㅏ");
        }

        @Test
        void loneSurrogatesPassThrough() {
            assertThat(Jamo.disassemble("\uD800가\uDC00")).isEqualTo("\uD800ㄱㅏ\uDC00");
        }

        @Test
        void nfdInputGivesTheSameResult() {
            for (String word : List.of("검색", "값이", "닭", "뷁", "안녕하세요", "ㄱ가")) {
                String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
                assertThat(Jamo.disassemble(nfd)).as(word).isEqualTo(Jamo.disassemble(word));
            }
        }

        @Test
        void conjoiningJamoAloneGiveCompatibilityJamo() {
            assertThat(Jamo.disassemble("\u1100")).isEqualTo("ㄱ"); // choseong kiyeok
            assertThat(Jamo.disassemble("\u116A")).isEqualTo("ㅗㅏ"); // jungseong wa
            assertThat(Jamo.disassemble("\u11AA")).isEqualTo("ㄱㅅ"); // jongseong kiyeok-sios
            // half-composed: precomposed LV + conjoining T is canonically 각
            assertThat(Jamo.disassemble("가\u11A8")).isEqualTo("ㄱㅏㄱ");
        }

        @Test
        void oldHangulIsKeptAsItIs() {
            String hon = "\u1112\u119E\u11AB"; // ᄒᆞᆫ (arae-a)
            assertThat(Jamo.disassemble(hon)).isEqualTo(hon);
            assertThat(Jamo.disassemble("나랏" + hon + "말")).isEqualTo("ㄴㅏㄹㅏㅅ" + hon + "ㅁㅏㄹ");
            // syllable + archaic final is one old-Hangul block
            assertThat(Jamo.disassemble("가\u11EB")).isEqualTo("가\u11EB");
            // archaic compatibility jamo (ㆍ, ㅿ) and the filler are not modern keys
            assertThat(Jamo.disassemble("ㆍㅿ\u3164")).isEqualTo("ㆍㅿ\u3164");
            // Jamo Extended-A initial
            assertThat(Jamo.disassemble("\uA960\u1161")).isEqualTo("\uA960\u1161");
        }

        @Test
        void rejectsNull() {
            assertThatNullPointerException().isThrownBy(() -> Jamo.disassemble(null));
        }
    }

    @Nested
    class Assemble {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "ㄱㅓㅁㅅㅐㄱ, 검색",
            "ㄱㅓㅁㅣ, 거미",
            "ㄱㅓㅁ, 검",
            "ㄱㅓㅁㅅ, 검ㅅ",
            "ㄱㅓㅁㅅㅐ, 검새",
            "ㄱㅏㅂㅅㅇㅣ, 값이",
            "ㄱㅏㅂㅅㅣ, 갑시",
            "ㄷㅏㄹㄱ, 닭",
            "ㄷㅏㄹㄱㅏ, 달가",
            "ㄲㅏㄲㅏ, 까까",
            "ㄱㅗㅏ, 과",
            "ㄱㅗㅏㅇ, 광",
            "ㅗㅏ, ㅘ",
            "ㅇㅡㅣ, 의",
            "ㅂㅜㅔㄹㄱ, 뷁",
            "ㅇㅏㅂㅓㅈㅣ, 아버지",
            "ㄱㅏ, 가",
            "ㅏㄱ, ㅏㄱ",
            "ㄱㅅ, ㄱㅅ",
            "ㄱㄱ, ㄱㄱ",
            "ㅏㅏ, ㅏㅏ",
            "ㅘㅏ, ㅘㅏ",
            "ㄲㅏㅃ, 까ㅃ",
            "ㄸㅏㄸ, 따ㄸ",
            "ㅎㅏㅂㄲ, 합ㄲ",
            "ㅎㅏㅂㅂ, 합ㅂ",
            "ㅃㅕㅣ, 뼈ㅣ",
            "ㅎㅏㅏ, 하ㅏ",
        })
        void composesLikeA2SetIme(String keys, String text) {
            assertThat(Jamo.assemble(keys)).isEqualTo(text);
        }

        @Test
        void emptyStringStaysEmpty() {
            assertThat(Jamo.assemble("")).isEmpty();
        }

        @Test
        void syllablesWithoutFinalStayApart() {
            assertThat(Jamo.assemble("ㄱㅏㄴㅏㄷㅏ")).isEqualTo("가나다");
            assertThat(Jamo.assemble("ㅇㅗㅇㅣ")).isEqualTo("오이");
        }

        @Test
        void alreadyComposedTextTakesPartInComposition() {
            assertThat(Jamo.assemble("갑ㅅ")).isEqualTo("값");
            assertThat(Jamo.assemble("닭ㅏ")).isEqualTo("달가");
            assertThat(Jamo.assemble("방ㅇㅔ")).isEqualTo("방에");
        }

        @Test
        void nonHangulBreaksComposition() {
            assertThat(Jamo.assemble("ㄱㅏ!ㄴㅏ")).isEqualTo("가!나");
            assertThat(Jamo.assemble("ㅇㅑ1ㅎㅏ")).isEqualTo("야1하");
            assertThat(Jamo.assemble("ㄱ ㅏ")).isEqualTo("ㄱ ㅏ");
            assertThat(Jamo.assemble("ㄱㅏ😀ㄴㅏ")).isEqualTo("가😀나");
            assertThat(Jamo.assemble("Javaㄱㅓㅁㅅㅐㄱ")).isEqualTo("Java검색");
        }

        @Test
        void nfdInputIsComposed() {
            String nfd = Normalizer.normalize("값이 비싸다", Normalizer.Form.NFD);
            assertThat(Jamo.assemble(nfd)).isEqualTo("값이 비싸다");
        }

        @Test
        void oldHangulIsKeptAsItIs() {
            String text = "나랏\u1106\u1161\u11AF\u110A\u119F\u1106\u1175"; // 나랏 말ᄊᆞ미
            assertThat(Jamo.assemble(text)).isEqualTo("나랏말\u110A\u119F미");
        }

        @Test
        void rejectsNull() {
            assertThatNullPointerException().isThrownBy(() -> Jamo.assemble(null));
        }
    }

    @Nested
    class StartsWith {
        @Test
        void matchesEveryImeState() {
            for (String state : List.of("", "ㄱ", "거", "검", "검ㅅ", "검새", "검색")) {
                assertThat(Jamo.startsWith("검색", state)).as(state).isTrue();
            }
            assertThat(Jamo.startsWith("거미", "검")).isTrue();
            assertThat(Jamo.startsWith("값이", "갑")).isTrue();
            assertThat(Jamo.startsWith("값이", "값")).isTrue();
        }

        @Test
        void rejectsWhatDoesNotFollow() {
            assertThat(Jamo.startsWith("검색", "검사")).isFalse();
            assertThat(Jamo.startsWith("거미", "검ㅅ")).isFalse();
            assertThat(Jamo.startsWith("검", "검색")).isFalse();
        }

        @Test
        void oldHangulBlocksAreWhole() {
            // 가 followed by an archaic final is one old-Hangul syllable, not 가 plus something
            assertThat(Jamo.startsWith("가\u11EB", "가")).isFalse();
            assertThat(Jamo.startsWith("가\u11EB 나", "가\u11EB")).isTrue();
        }

        @Test
        void mixesWithLatin() {
            assertThat(Jamo.startsWith("Java 검색", "Java 거")).isTrue();
            assertThat(Jamo.startsWith("Java 검색", "java")).isFalse();
        }
    }
}
