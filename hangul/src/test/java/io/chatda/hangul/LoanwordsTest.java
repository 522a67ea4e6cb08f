package io.chatda.hangul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * English to Hangul loanword spelling, rule by rule of the loanword orthography (외래어 표기법,
 * 제3장 제1절 영어의 표기), mostly on the orthography's own examples. "first" means the most likely
 * spelling; "among" means one of the (up to three) spellings returned.
 */
class LoanwordsTest {

    static void first(String word, String hangul) {
        assertThat(Loanwords.spellings(word)).as(word).first().isEqualTo(hangul);
    }

    static void among(String word, String hangul) {
        assertThat(Loanwords.spellings(word)).as(word).contains(hangul);
    }

    @Nested
    class Api {
        @Test
        void returnsOneToThreeDistinctSpellings() {
            List<String> spellings = Loanwords.spellings("router");
            assertThat(spellings).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(spellings).allMatch(s -> s.chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3));
        }

        @Test
        void mixedCaseIsAccepted() {
            assertThat(Loanwords.spellings("Docker")).isEqualTo(Loanwords.spellings("docker"));
            assertThat(Loanwords.spellings("GITHUB")).isEqualTo(Loanwords.spellings("github"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "docker ", "c++", "e-mail", "2fa", "도커", "café", "x_y"})
        void anythingButLettersGivesNothing(String input) {
            assertThat(Loanwords.spellings(input)).isEmpty();
        }

        @Test
        void nullIsRejected() {
            assertThatNullPointerException().isThrownBy(() -> Loanwords.spellings(null));
        }

        @Test
        void wordsTheDictionaryLacksAreGuessed() {
            assertThat(Loanwords.spellings("kubernetes")).isNotEmpty();
            assertThat(Loanwords.spellings("zxqv")).isNotNull();
            assertThat(Loanwords.spellings("qwertyuiopasdfghjklzxcvbnm")).isNotEmpty();
        }

        @Test
        void resultIsUnmodifiable() {
            List<String> spellings = Loanwords.spellings("server");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> spellings.add("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class VoicelessStops { // 제1항
        @Test
        void finalAfterShortVowelIsBatchim() {
            first("gap", "갭");
            first("cat", "캣");
            first("book", "북");
        }

        @Test
        void beforeConsonantOtherThanLiquidOrNasalAfterShortVowelIsBatchim() {
            first("apt", "앱트");
            first("act", "액트");
            first("setback", "셋백");
        }

        @Test
        void otherwiseTheyTakeEu() {
            first("stamp", "스탬프");
            first("cape", "케이프");
            first("nest", "네스트");
            first("part", "파트");
            first("desk", "데스크");
            first("make", "메이크");
            first("apple", "애플");
            first("table", "테이블");
        }

        @Test
        void deadlockIsWrittenWithAButTheRuleSpellingIsKept() {
            first("deadlock", "데드락");
            among("deadlock", "데드록");
        }
    }

    @Nested
    class VoicedStops { // 제2항
        @Test
        void finalOrBeforeConsonantTheyTakeEu() {
            first("bulb", "벌브");
            first("land", "랜드");
            first("zigzag", "지그재그");
            first("kidnap", "키드냅");
            first("signal", "시그널");
        }
    }

    @Nested
    class Fricatives { // 제3항
        @Test
        void finalOrBeforeConsonantTheyTakeEu() {
            among("mask", "마스크"); // American [æ]: 매스크 first
            first("jazz", "재즈");
            first("graph", "그래프");
            first("olive", "올리브");
        }

        @Test
        void shIsSiFinallySyuBeforeConsonantsAndFollowsTheVowel() {
            first("flash", "플래시");
            first("brush", "브러시");
            first("cache", "캐시");
            among("shrub", "슈러브"); // 슈럽 first: final [b] after a short vowel is batchim in usage (웹, 클럽)
            first("shark", "샤크");
            first("fashion", "패션");
            first("shopping", "쇼핑");
            first("shoe", "슈");
        }

        @Test
        void zhIsJiFinallyAndJBeforeVowels() {
            first("vision", "비전");
        }
    }

    @Nested
    class Affricates { // 제4항
        @Test
        void finalChAndJAreChiAndJi() {
            first("switch", "스위치");
            first("bridge", "브리지");
            first("search", "서치");
        }

        @Test
        void beforeVowelsTheyAreChAndJWithoutY() {
            first("chart", "차트");
            first("virgin", "버진");
            first("java", "자바");
            first("channel", "채널");
        }

        @Test
        void tsIsCheu() {
            first("keats", "키츠");
        }
    }

    @Nested
    class Nasals { // 제5항
        @Test
        void finalOrBeforeConsonantTheyAreBatchim() {
            first("steam", "스팀");
            first("ring", "링");
            first("lamp", "램프");
            first("hint", "힌트");
            first("ink", "잉크");
        }

        @Test
        void ngBetweenVowelsIsBatchimOfTheFirstSyllable() {
            first("hanging", "행잉");
            first("longing", "롱잉");
        }
    }

    @Nested
    class Liquid { // 제6항
        @Test
        void finalOrBeforeConsonantLIsBatchim() {
            first("hotel", "호텔");
            first("pulp", "펄프");
            first("filter", "필터");
        }

        @Test
        void lBeforeAVowelInsideAWordIsDoubled() {
            first("slide", "슬라이드");
            first("film", "필름");
            first("helm", "헬름");
            first("cluster", "클러스터");
            first("plugin", "플러그인");
        }

        @Test
        void lAfterANasalIsSingle() {
            first("henley", "헨리");
            first("download", "다운로드");
        }

        @Test
        void rIsDroppedBeforeConsonantsAndFinallyAndIsRBeforeVowels() {
            first("server", "서버");
            first("docker", "도커");
            first("browser", "브라우저");
            first("thread", "스레드");
        }
    }

    @Nested
    class Vowels { // 제7항, 제8항
        @Test
        void longVowelsAreNotMarked() {
            first("team", "팀");
            first("route", "루트");
        }

        @Test
        void diphthongsKeepBothParts() {
            first("time", "타임");
            first("house", "하우스");
            first("skate", "스케이트");
            first("oil", "오일");
            first("layer", "레이어");
        }

        @Test
        void ouIsOAndAuerIsAwo() {
            first("boat", "보트");
            first("tower", "타워");
        }
    }

    @Nested
    class Semivowels { // 제9항
        @Test
        void wFollowsTheVowel() {
            first("word", "워드");
            first("wag", "왜그");
            first("west", "웨스트");
            first("witch", "위치");
            first("wool", "울");
        }

        @Test
        void wAfterAConsonantIsASecondSyllableExceptAfterGHK() {
            first("swing", "스윙");
            first("twist", "트위스트");
            first("penguin", "펭귄");
            among("whistle", "휘슬"); // [hw] is the dictionary's second pronunciation
            first("square", "스퀘어");
            first("quarter", "쿼터");
        }

        @Test
        void yJoinsTheVowel() {
            first("yard", "야드");
            first("yellow", "옐로");
            first("you", "유");
            first("year", "이어");
            first("computer", "컴퓨터");
        }

        @Test
        void yAfterDLNBeforeSchwaIsASeparateSyllable() {
            first("indian", "인디언");
            first("union", "유니언");
        }
    }

    @Nested
    class Compounds { // 제10항
        @Test
        void partsAreWrittenAsOnTheirOwn() {
            first("headlight", "헤드라이트");
            first("bookend", "북엔드");
            first("cuplike", "컵라이크");
        }

        @Test
        void compoundsTheDictionaryLacksAreSplit() {
            assertThat(Loanwords.spellings("elasticsearch")).anyMatch(s -> s.endsWith("라스틱서치"));
            first("typescript", "타이프스크립트");
            among("typescript", "타입스크립트");
            first("webpack", "웹팩");
        }
    }

    @Nested
    class CommonUsage {
        @Test
        void secondPronunciationsAreVariants() {
            among("router", "라우터");
        }

        @Test
        void finalOwMayBeOu() {
            first("window", "윈도");
            among("window", "윈도우");
        }

        @Test
        void finalSpelledSIsSeu() {
            first("james", "제임스");
            among("james", "제임즈");
        }
    }
}
