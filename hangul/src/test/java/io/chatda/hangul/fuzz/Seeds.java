package io.chatda.hangul.fuzz;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seed inputs for the fuzz targets: Hangul in its various forms, so that the fuzzer starts from
 * interesting text instead of random bytes that seldom fall into the Hangul blocks.
 */
final class Seeds {
    private Seeds() {}

    static Stream<String> texts() {
        // (the empty input is always run by Jazzer itself; JUnit rejects a blank display name)
        return Stream.of(
                "검색",
                "검ㅅ",
                "값이 비싸다",
                "닭ㅏ",
                "ㄱㅓㅁㅅㅐㄱ",
                "ㅗ디ㅣㅐ",
                "rjator dkssud",
                "Ｊａｖａ 검색😀",
                "\u1100\u1161\u11A8\u1112\u119E\u11AB",
                "가\u11EB\uA960\u1161\uD7B0",
                "ㄳㅘㆍ\u3164ﾡￂ",
                "\uD800가\uDC00",
                "프론트엔드 개발자 123");
    }

    static Stream<Arguments> textAndQuery() {
        return Stream.of(
                Arguments.of("프론트엔드 개발자", "ㅍㄹㅌ"),
                Arguments.of("자바 검색 엔진", "ㄱㅅ"),
                Arguments.of("검색", "ㄳ"),
                Arguments.of("\u1100\u1161\u11A8", "\u1100"),
                Arguments.of("검색", " "),
                Arguments.of("검색", "검ㅅ"));
    }

    static Stream<Arguments> textAndFlag() {
        return texts().flatMap(text -> Stream.of(Arguments.of(text, true), Arguments.of(text, false)));
    }
}
