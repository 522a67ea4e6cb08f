package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The examples of es-hangul's own test suite (disassemble, assemble, binaryAssemble, getChoseong,
 * choseongIncludes, convertQwertyToHangul, convertHangulToQwerty), run against this module. The
 * places where chatda deliberately differs are in {@link #deliberateDifferences()} and in
 * docs/hangul.md.
 */
class EsHangulParityTest {

    @Test
    void disassemble() {
        assertThat(Jamo.disassemble("값")).isEqualTo("ㄱㅏㅂㅅ");
        assertThat(Jamo.disassemble("값이 비싸다")).isEqualTo("ㄱㅏㅂㅅㅇㅣ ㅂㅣㅆㅏㄷㅏ");
        assertThat(Jamo.disassemble("사과 짱")).isEqualTo("ㅅㅏㄱㅗㅏ ㅉㅏㅇ");
        assertThat(Jamo.disassemble("ㄵ")).isEqualTo("ㄴㅈ");
        assertThat(Jamo.disassemble("ㅘ")).isEqualTo("ㅗㅏ");
    }

    @Test
    void assemble() {
        // es-hangul takes an array of fragments; here they are joined into one string
        assertThat(Jamo.assemble("아버지가" + " " + "방ㅇ" + "ㅔ " + "들ㅇ" + "ㅓ갑니다")).isEqualTo("아버지가 방에 들어갑니다");
        assertThat(Jamo.assemble("아버지가 방에 들어갑니다")).isEqualTo("아버지가 방에 들어갑니다");
        assertThat(Jamo.assemble("ㅇㅏㅂㅓㅈㅣ")).isEqualTo("아버지");
        assertThat(Jamo.assemble("123")).isEqualTo("123");
        assertThat(Jamo.assemble("아ㅇㅣ123")).isEqualTo("아이123");
        assertThat(Jamo.assemble("ㄱㅏ!ㄴㅏ")).isEqualTo("가!나");
        assertThat(Jamo.assemble("ㅇㅑ1ㅎㅏ")).isEqualTo("야1하");
    }

    @Test
    void binaryAssemble() {
        assertThat(Jamo.assemble("ㄱㅏ")).isEqualTo("가");
        assertThat(Jamo.assemble("가ㅇ")).isEqualTo("강");
        assertThat(Jamo.assemble("갑ㅅ")).isEqualTo("값");
        assertThat(Jamo.assemble("고ㅏ")).isEqualTo("과");
        assertThat(Jamo.assemble("ㅗㅏ")).isEqualTo("ㅘ");
        assertThat(Jamo.assemble("톳ㅡ")).isEqualTo("토스");
        assertThat(Jamo.assemble("닭ㅏ")).isEqualTo("달가");
        assertThat(Jamo.assemble("깎ㅏ")).isEqualTo("까까");
        assertThat(Jamo.assemble("ㅏㄱ")).isEqualTo("ㅏㄱ");
        assertThat(Jamo.assemble("까ㅃ")).isEqualTo("까ㅃ");
        assertThat(Jamo.assemble("ㅘㅏ")).isEqualTo("ㅘㅏ");
        assertThat(Jamo.assemble("뼈ㅣ")).isEqualTo("뼈ㅣ");
        assertThat(Jamo.assemble("저는 고양이를 좋아합닏ㅏ")).isEqualTo("저는 고양이를 좋아합니다");
        assertThat(Jamo.assemble("저는 고양이를 좋아하ㅂ")).isEqualTo("저는 고양이를 좋아합");
        assertThat(Jamo.assemble("저는 고양이를 좋아합ㅅ")).isEqualTo("저는 고양이를 좋아핪");
        assertThat(Jamo.assemble("저는 고양이를 좋아합ㄲ")).isEqualTo("저는 고양이를 좋아합ㄲ");
        assertThat(Jamo.assemble("저는 고양이를 좋아합ㅂ")).isEqualTo("저는 고양이를 좋아합ㅂ");
        assertThat(Jamo.assemble("저는 고양이를 좋아하ㅏ")).isEqualTo("저는 고양이를 좋아하ㅏ");
        assertThat(Jamo.assemble("저는 고양이를 좋아합니다ㅜ")).isEqualTo("저는 고양이를 좋아합니다ㅜ");
    }

    @Test
    void getChoseong() {
        assertThat(Choseong.of("사과")).isEqualTo("ㅅㄱ");
        assertThat(Choseong.of("프론트엔드")).isEqualTo("ㅍㄹㅌㅇㄷ");
        assertThat(Choseong.of("ㄴㅈ")).isEqualTo("ㄴㅈ");
        assertThat(Choseong.of("리액트")).isEqualTo("ㄹㅇㅌ");
        assertThat(Choseong.of("띄어 쓰기")).isEqualTo("ㄸㅇ ㅆㄱ");
        assertThat(Choseong.of("네이버123", true)).isEqualTo("ㄴㅇㅂ123");
    }

    @Test
    void choseongIncludes() {
        assertThat(Choseong.includes("프론트엔드", "ㅍㄹㅌ")).isTrue();
        assertThat(Choseong.includes("00프론트엔드", "ㅍㄹㅌ")).isTrue();
        assertThat(Choseong.includes("프론트엔드 개발자", "ㅍㄹㅌㅇㄷㄱㅂㅈ")).isTrue();
        assertThat(Choseong.includes("프론트엔드 개발자", "ㅍㄹㅌㅇㄷ ㄱㅂㅈ")).isTrue();
        assertThat(Choseong.includes("프론트엔드", "ㅍㅌ")).isFalse();
        assertThat(Choseong.includes("프론트엔드 개발자", " ")).isFalse();
        assertThat(Choseong.includes("프론트엔드", "푸롴트")).isFalse();
    }

    @Test
    void convertQwertyToHangul() {
        assertThat(KeyboardLayout.toHangul("abc")).isEqualTo("뮻");
        assertThat(KeyboardLayout.toHangul("vmfhsxmdpsem")).isEqualTo("프론트엔드");
        assertThat(KeyboardLayout.toHangul("ABC")).isEqualTo("뮻");
        assertThat(KeyboardLayout.toHangul("VMFHSXM")).isEqualTo("프론트");
        assertThat(KeyboardLayout.toHangul("vm론트")).isEqualTo("프론트");
        assertThat(KeyboardLayout.toHangul("ㅍㅡㄹㅗㄴㅌㅡ")).isEqualTo("프론트");
        assertThat(KeyboardLayout.toHangul("RㅏㄱEㅜrl")).isEqualTo("깍뚜기");
        assertThat(KeyboardLayout.toHangul("ㅇPdml")).isEqualTo("예의");
        assertThat(KeyboardLayout.toHangul("")).isEmpty();
    }

    @Test
    void convertHangulToQwerty() {
        assertThat(KeyboardLayout.toQwerty("뮻")).isEqualTo("abc");
        assertThat(KeyboardLayout.toQwerty("겨노")).isEqualTo("rush");
        assertThat(KeyboardLayout.toQwerty("님노")).isEqualTo("slash");
        assertThat(KeyboardLayout.toQwerty("ㅙㅜㅎ 햐ㅣ애ㅜㅎ")).isEqualTo("hong gildong");
        assertThat(KeyboardLayout.toQwerty("쨰ㅉ")).isEqualTo("WOW");
        assertThat(KeyboardLayout.toQwerty("빠짜따까싸")).isEqualTo("QkWkEkRkTk");
        assertThat(KeyboardLayout.toQwerty("과궈괴귀긔")).isEqualTo("rhkrnjrhlrnlrml");
        assertThat(KeyboardLayout.toQwerty("FE개발!")).isEqualTo("FEroqkf!");
        assertThat(KeyboardLayout.toQwerty("ㄴ대ㅕㅣ, ㅏㅐㄱㄷㅁ")).isEqualTo("seoul, korea");
        assertThat(KeyboardLayout.toQwerty("ㅍㅡㄹㅗㄴㅌㅡ")).isEqualTo("vmfhsxm");
        assertThat(KeyboardLayout.toQwerty("RㅏㄱEㅜrl")).isEqualTo("RkrEnrl");
        assertThat(KeyboardLayout.toQwerty("ㅇPdml")).isEqualTo("dPdml");
        assertThat(KeyboardLayout.toQwerty("")).isEmpty();
    }

    /** Where this module answers differently from es-hangul on purpose (see docs/hangul.md). */
    @Test
    void deliberateDifferences() {
        // NFD (conjoining jamo) input: es-hangul passes it through undecomposed
        assertThat(Jamo.disassemble("\u1100\u1161\u11B9")).isEqualTo("ㄱㅏㅂㅅ");
        // a compound consonant is a choseong query (the IME made ㄳ from ㄱ ㅅ); es-hangul: false
        assertThat(Choseong.isChoseongOnly("ㄳ")).isTrue();
        assertThat(Choseong.includes("검색", "ㄳ")).isTrue();
        // vowel and final jamo of old Hangul are dropped by choseong extraction even when keeping
        // non-Hangul; es-hangul keeps archaic medials
        assertThat(Choseong.of("\u1112\u119E", true)).isEqualTo("ㅎ");
    }
}
