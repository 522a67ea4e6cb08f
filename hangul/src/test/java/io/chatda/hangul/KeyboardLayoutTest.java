package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyboardLayoutTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "rjator, 검색",
        "dkssudgktpdy, 안녕하세요",
        "dkssud, 안녕",
        "rjat, 검ㅅ",
        "rjato, 검새",
        "rjal, 거미",
        "rkqtdl, 값이",
        "ekfr, 닭",
        "QkWkEkRkTk, 빠짜따까싸",
        "dP, 예",
        "dO, 얘",
        "RkrEnrl, 깍뚜기",
        "vmfhsxmdpsem, 프론트엔드",
        "VMFHSXM, 프론트",
        "abc, 뮻",
        "ABC, 뮻",
        "gksrmf, 한글",
    })
    void latinToHangul(String latin, String hangul) {
        assertThat(KeyboardLayout.toHangul(latin)).isEqualTo(hangul);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "검색, rjator",
        "안녕하세요, dkssudgktpdy",
        "ㅗ디ㅣㅐ, hello",
        "ㅓㅁㅍㅁ, java",
        "쨰ㅉ, WOW",
        "빠짜따까싸, QkWkEkRkTk",
        "과궈괴귀긔, rhkrnjrhlrnlrml",
        "값, rkqt",
        "닭, ekfr",
        "ㄳ, rt",
        "뮻, abc",
    })
    void hangulToLatin(String hangul, String latin) {
        assertThat(KeyboardLayout.toQwerty(hangul)).isEqualTo(latin);
    }

    @Test
    void otherCharactersAreKept() {
        assertThat(KeyboardLayout.toHangul("rjator 2.0!")).isEqualTo("검색 2.0!");
        assertThat(KeyboardLayout.toHangul("vm론트")).isEqualTo("프론트");
        assertThat(KeyboardLayout.toHangul("ㅍㅡㄹㅗㄴㅌㅡ")).isEqualTo("프론트");
        assertThat(KeyboardLayout.toHangul("RㅏㄱEㅜrl")).isEqualTo("깍뚜기");
        assertThat(KeyboardLayout.toHangul("dkssud😀")).isEqualTo("안녕😀");
        assertThat(KeyboardLayout.toQwerty("FE개발!")).isEqualTo("FEroqkf!");
        assertThat(KeyboardLayout.toQwerty("ㄴ대ㅕㅣ, ㅏㅐㄱㄷㅁ")).isEqualTo("seoul, korea");
        assertThat(KeyboardLayout.toQwerty("ㅇPdml")).isEqualTo("dPdml");
        assertThat(KeyboardLayout.toQwerty("검색😀")).isEqualTo("rjator😀");
    }

    @Test
    void emptyStrings() {
        assertThat(KeyboardLayout.toHangul("")).isEmpty();
        assertThat(KeyboardLayout.toQwerty("")).isEmpty();
    }

    @Test
    void oldHangulHasNoKeys() {
        String hon = "\u1112\u119E\u11AB";
        assertThat(KeyboardLayout.toQwerty(hon)).isEqualTo(hon);
        assertThat(KeyboardLayout.toQwerty("ㆍ")).isEqualTo("ㆍ");
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> KeyboardLayout.toHangul(null));
        assertThatNullPointerException().isThrownBy(() -> KeyboardLayout.toQwerty(null));
        assertThatNullPointerException().isThrownBy(() -> KeyboardLayout.detectMistypedKorean(null));
        assertThatNullPointerException().isThrownBy(() -> KeyboardLayout.detectMistypedEnglish(null));
    }
}
