package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatda.suggest.SuggestEntry.Kind;
import io.chatda.suggest.Suggestion.Match;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionIndexTest {

    private static SuggestEntry e(String text, double weight) {
        return new SuggestEntry(text, weight, Kind.QUERY, "");
    }

    private static List<String> texts(List<Suggestion> s) {
        return s.stream().map(Suggestion::text).toList();
    }

    private final CompletionIndex index = CompletionIndex.build(List.of(
            new SuggestEntry("검색엔진", 5, Kind.TITLE, "file:///search-engine.md"),
            e("검색 엔진 최적화", 3),
            e("거미", 2),
            e("search engine", 4),
            e("search", 6),
            e("서치", 1),
            e("교착상태", 2),
            e("자바 검색 엔진", 1)));

    @Test
    void everyImeStateOfAWordReachesIt() {
        for (String typed : List.of("ㄱ", "거", "검", "검ㅅ", "검새", "검색", "검색ㅇ", "검색에", "검색엔", "검색엔ㅈ", "검색엔지", "검색엔진")) {
            assertThat(texts(index.suggest(typed, 10))).as(typed).contains("검색엔진");
        }
        assertThat(texts(index.suggest("거", 10))).contains("거미");
        assertThat(texts(index.suggest("검", 10))).contains("거미");
    }

    @Test
    void prefixIgnoresSpacesAndCase() {
        assertThat(texts(index.suggest("검색엔", 10))).contains("검색엔진", "검색 엔진 최적화");
        assertThat(texts(index.suggest("SEARCH E", 10))).contains("search engine");
    }

    @Test
    void wordStartsMatchInsideTheText() {
        assertThat(texts(index.suggest("engine", 10))).containsExactly("search engine");
        List<Suggestion> s = index.suggest("엔진", 10);
        assertThat(texts(s)).contains("검색 엔진 최적화", "자바 검색 엔진");
        Suggestion hit =
                s.stream().filter(x -> x.text().equals("자바 검색 엔진")).findFirst().orElseThrow();
        assertThat(hit.match()).isEqualTo(Match.WORD);
        assertThat(hit.spans()).containsExactly(new Suggestion.Span(6, 8));
    }

    @Test
    void choseongAndChoseongMixedWithSyllables() {
        List<Suggestion> s = index.suggest("ㄱㅅㅇㅈ", 10);
        assertThat(texts(s)).contains("검색엔진", "검색 엔진 최적화", "자바 검색 엔진");
        assertThat(s.get(0).text()).isEqualTo("검색엔진");
        assertThat(s.get(0).match()).isEqualTo(Match.CHOSEONG);
        assertThat(s.get(0).spans()).containsExactly(new Suggestion.Span(0, 4));
        assertThat(texts(index.suggest("검ㅅ엔", 10))).contains("검색엔진", "검색 엔진 최적화");
        assertThat(texts(index.suggest("겁ㅅ엔", 10))).doesNotContain("검색엔진");
        assertThat(texts(index.suggest("ㄱㅊㅅ", 10))).containsExactly("교착상태");
    }

    @Test
    void mixedChoseongChecksEveryTypedUnitAndSkipsNonHangulLikeChoseongDoes() {
        CompletionIndex idx =
                CompletionIndex.build(List.of(e("검색엔진", 1), e("검색엔비", 2), e("한국IT산업", 1), e("검사 엔진 시험", 1)));
        assertThat(texts(idx.suggest("검ㅅ엔ㅈ", 10))).containsExactlyInAnyOrder("검색엔진", "검사 엔진 시험");
        assertThat(texts(idx.suggest("검ㅅ엔ㅂ", 10))).containsExactly("검색엔비");
        // the choseong of 한국IT산업 is ㅎㄱㅅㅇ: Latin between syllables doesn't break a mixed match
        List<Suggestion> s = idx.suggest("한국ㅅ", 10);
        assertThat(texts(s)).containsExactly("한국IT산업");
        assertThat(s.get(0).match()).isEqualTo(Match.CHOSEONG);
        assertThat(s.get(0).spans()).containsExactly(new Suggestion.Span(0, 5));
        assertThat(texts(idx.suggest("엔ㅈ", 10))).containsExactly("검사 엔진 시험");
    }

    @Test
    void mixedChoseongFindsALightMatchAmongManyHeavierEntriesWithTheSameInitials() {
        List<SuggestEntry> many = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            // choseong ㅇㅈ, like 옥좌, but none starts with 옥
            many.add(e("이자" + (char) ('가' + i), 10 + i % 7));
        }
        many.add(e("옥좌", 1));
        CompletionIndex idx = CompletionIndex.build(many);
        assertThat(texts(idx.suggest("옥ㅈ", 10))).containsExactly("옥좌");
    }

    @Test
    void keyboardLayoutMistakesInBothDirections() {
        List<Suggestion> s = index.suggest("rjator", 10);
        assertThat(texts(s)).contains("검색엔진");
        assertThat(s.get(0).match()).isEqualTo(Match.LAYOUT);
        assertThat(texts(index.suggest("ㄴㄷㅁㄱ초", 10))).contains("search", "search engine");
        assertThat(texts(index.suggest("ㄴㄷㅁㄱ초", 10))).doesNotContain("서치");
    }

    @Test
    void layoutIsNotTriedWhenPlainMatchingSufficesAndTheInputLooksRight() {
        CompletionIndex small = CompletionIndex.build(List.of(e("search", 1), e("ㄴㄷㅁㄱ초 목록", 5)));
        // "search" reads as English and has a prefix match: its Hangul reading is not tried for one answer
        assertThat(texts(small.suggest("search", 1))).containsExactly("search");
        // but it is when plain matching finds fewer than asked
        assertThat(texts(small.suggest("search", 2))).containsExactly("ㄴㄷㅁㄱ초 목록", "search");
    }

    @Test
    void layoutCountsTheAnswersPlainMatchingFoundNotTheKeysItLookedAt() {
        CompletionIndex sites = CompletionIndex.build(List.of(
                new SuggestEntry("rjtm", 1, Kind.WORD, "", "blog"),
                new SuggestEntry("rjtp", 1, Kind.WORD, "", "blog"),
                new SuggestEntry("검색", 1, Kind.WORD, "", "docs")));
        // two keys start with rj, both on another site: on docs, plain matching found nothing
        assertThat(texts(sites.suggest("rj", 2, "docs"))).containsExactly("검색");
        assertThat(texts(sites.suggest("rj", 2, "blog"))).containsExactlyInAnyOrder("rjtm", "rjtp");
        // the other layout's matches come after the plain modes' yet take their place among equal scores
        CompletionIndex ties =
                CompletionIndex.build(List.of(e("t", 0), e("ta", 0), e("ㅅ", 0), e("사", 0), e("색", 0), e("색검", 0)));
        assertThat(texts(ties.suggest("ㅅ", 5))).containsExactly("t", "ta", "ㅅ", "사", "색");
    }

    @Test
    void oneTypoInJamoOrLetters() {
        assertThat(texts(index.suggest("seach", 10))).contains("search", "search engine");
        assertThat(texts(index.suggest("검삭", 10))).contains("검색엔진");
        assertThat(texts(index.suggest("serach", 10))).contains("search");
        assertThat(texts(index.suggest("searhc", 10))).contains("search");
        assertThat(texts(index.suggest("seearch", 10))).contains("search");
        assertThat(index.suggest("seach", 10).get(0).match()).isEqualTo(Match.TYPO);
    }

    /** A wide unit (a character outside the tabled scripts) substituted or extra where the typed key has a letter. */
    @Test
    void typosWithAWideUnitAtTheEdit() {
        CompletionIndex idx = CompletionIndex.build(
                List.of(e("abc中de", 1), e("abc中e", 1), e("abcxyz", 1), e("abcdx", 1), e("ab中cde", 1)));
        assertThat(texts(idx.suggest("abcde", 10))).containsExactlyInAnyOrder("abc中de", "abc中e", "ab中cde", "abcdx");
        assertThat(texts(idx.suggest("abc中xe", 10))).containsExactlyInAnyOrder("abc中de", "abc中e");
    }

    /** Typos before a wide unit of the typed key, in its first eight bytes or after them. */
    @Test
    void typosBeforeAWideUnitOfTheTypedKey() {
        CompletionIndex idx = CompletionIndex.build(List.of(
                e("abcd中ef", 1),
                e("abce中e", 1),
                e("abcyx中e", 1),
                e("abc中e", 1),
                e("abcd中xe", 1),
                e("abcdé", 1),
                e("abcd中", 1)));
        assertThat(texts(idx.suggest("abcx中e", 10))).containsExactlyInAnyOrder("abcd中ef", "abce中e", "abcyx中e", "abc中e");
        CompletionIndex longer = CompletionIndex.build(List.of(
                e("abcdefgh中ij", 1), e("abcdefgh中ik", 1), e("abcyxefgh中i", 1), e("abcdefgh中x", 1), e("abcdefgh丰i", 1)));
        assertThat(texts(longer.suggest("abcxefgh中i", 10)))
                .containsExactlyInAnyOrder("abcdefgh中ij", "abcdefgh中ik", "abcyxefgh中i");
    }

    /** Typos in keys longer than the eight bytes the search reads first, agreeing or not after them. */
    @Test
    void typosInLongKeysAgreeToTheEnd() {
        CompletionIndex idx = CompletionIndex.build(List.of(
                e("abcxefghijk", 1), e("abcdxefghij", 1), e("abcxefghiz", 1), e("abcdxefghz", 1), e("abcdefghij", 1)));
        assertThat(texts(idx.suggest("abcdefghij", 10)))
                .containsExactlyInAnyOrder("abcdefghij", "abcxefghijk", "abcdxefghij");
    }

    @Test
    void typosNeedFourUnitsAndAtMostOneEdit() {
        assertThat(texts(index.suggest("sae", 10))).isEmpty();
        assertThat(texts(index.suggest("sxxrch", 10))).doesNotContain("search");
        assertThat(texts(index.suggest("aearch", 10))).isEmpty();
    }

    @Test
    void scoreIsWeightTimesMatchQualityWithDeterministicTies() {
        CompletionIndex idx = CompletionIndex.build(
                List.of(e("data base", 10), e("database", 1), e("big data", 2), e("datum", 1), e("dataset", 1)));
        List<Suggestion> s = idx.suggest("data", 10);
        // "data base" and "database" share a key: merged, weight 11, heavier text kept
        assertThat(texts(s)).containsExactly("data base", "big data", "dataset", "datum");
        assertThat(s.get(0).score()).isEqualTo(11.0);
        assertThat(s.get(1).score()).isEqualTo(2 * Match.WORD.quality());
        assertThat(s.get(1).match()).isEqualTo(Match.WORD);
    }

    @Test
    void exactPrefixBeatsWordStartBeatsChoseongBeatsTypoAtEqualWeight() {
        CompletionIndex idx =
                CompletionIndex.build(List.of(e("ㄱㄴ", 1), e("가나", 1), e("abcd", 1), e("x abcd", 1), e("abce", 1)));
        List<Suggestion> s = idx.suggest("abcd", 10);
        assertThat(s).extracting(Suggestion::match).containsExactly(Match.PREFIX, Match.WORD, Match.TYPO);
        assertThat(idx.suggest("ㄱㄴ", 10)).extracting(Suggestion::match).containsExactly(Match.PREFIX, Match.CHOSEONG);
    }

    @Test
    void aTypoNeverDisplacesAnExactMatchOfEqualScore() {
        // "abce" as a typo of "abcd" scores 5 × 0.4 = 2, like the exact "abcd"; it is heavier (smaller id)
        CompletionIndex idx = CompletionIndex.build(List.of(e("abcd", 2), e("abce", 5), e("abcf", 1)));
        assertThat(texts(idx.suggest("abcd", 1))).containsExactly("abcd");
        List<Suggestion> two = idx.suggest("abcd", 2);
        assertThat(two).extracting(Suggestion::score).containsExactly(2.0, 2.0);
        assertThat(two).extracting(Suggestion::match).containsExactlyInAnyOrder(Match.PREFIX, Match.TYPO);
        assertThat(texts(idx.suggest("abcd", 3))).contains("abcf");
    }

    @Test
    void deduplicatesAcrossModesAndKinds() {
        CompletionIndex idx = CompletionIndex.build(List.of(
                new SuggestEntry("교착상태", 2, Kind.TITLE, "u:1"),
                new SuggestEntry("교착상태", 1, Kind.HEADING, "u:2"),
                new SuggestEntry("교착 상태", 1, Kind.QUERY, ""),
                e("교착상태 회피", 1)));
        List<Suggestion> s = idx.suggest("교착", 10);
        assertThat(texts(s)).containsExactly("교착상태", "교착상태 회피");
        assertThat(s.get(0).kind()).isEqualTo(Kind.TITLE);
        assertThat(s.get(0).url()).isEqualTo("u:1");
        assertThat(s.get(0).score()).isEqualTo(4.0);
        assertThat(idx.size()).isEqualTo(2);
        // ㄱㅊ matches both by prefix-free choseong and 교착상태 also by choseong of a later word: listed once
        assertThat(texts(idx.suggest("ㄱㅊ", 10))).containsExactly("교착상태", "교착상태 회피");
    }

    @Test
    void topKIsTheHeaviestOfManyMatches() {
        List<SuggestEntry> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(e("term" + i, i % 997));
        }
        CompletionIndex idx = CompletionIndex.build(many);
        List<Suggestion> s = idx.suggest("term", 20);
        assertThat(s).hasSize(20);
        assertThat(s.get(0).score()).isEqualTo(996.0);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i).score()).isLessThanOrEqualTo(s.get(i - 1).score());
        }
        assertThat(s.stream().mapToDouble(Suggestion::score).min().orElseThrow())
                .isEqualTo(993.0);
    }

    @Test
    void siteFilterKeepsOnlyThatSite() {
        CompletionIndex idx = CompletionIndex.build(List.of(
                new SuggestEntry("kernel", 1, Kind.TITLE, "a:/k", "a.example"),
                new SuggestEntry("kernel", 1, Kind.TITLE, "b:/k", "b.example"),
                new SuggestEntry("kernel panic", 3, Kind.TITLE, "b:/p", "b.example"),
                e("kernel module", 9)));
        assertThat(texts(idx.suggest("ker", 10))).containsExactly("kernel module", "kernel panic", "kernel");
        assertThat(idx.suggest("ker", 10, "a.example"))
                .extracting(Suggestion::url)
                .containsExactly("a:/k");
        assertThat(texts(idx.suggest("ker", 10, "b.example"))).containsExactly("kernel panic", "kernel");
        assertThat(idx.suggest("ker", 10, "nowhere")).isEmpty();
    }

    @Test
    void spansCoverTheTypedPart() {
        Suggestion s = index.suggest("검ㅅ", 1).get(0);
        assertThat(s.text()).isEqualTo("검색엔진");
        assertThat(s.spans()).containsExactly(new Suggestion.Span(0, 2));
    }

    /**
     * "sold" reaches "sodded" by an extra l (s-o-d matched) and by l typed for d (s-o-d-d): the answer
     * shows the longer match whichever edit the search meets first, also when the entry is the last
     * one the answer has room for.
     */
    @Test
    void anEntryTwoEditsReachShowsTheLongerMatchAtAnyLimit() {
        CompletionIndex idx = CompletionIndex.build(List.of(e("sodded", 5), e("solder", 1), e("solo", 2)));
        for (int limit : new int[] {1, 2, 3, 10}) {
            assertThat(idx.suggest("sold", limit))
                    .as("limit %d", limit)
                    .filteredOn(s -> s.text().equals("sodded"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.spans()).containsExactly(new Suggestion.Span(0, 4)));
        }
    }

    @Test
    void oddInputIsHarmless() {
        assertThat(index.suggest("", 10)).isEmpty();
        assertThat(index.suggest("   ", 10)).isEmpty();
        assertThat(index.suggest("!!!", 10)).isEmpty();
        assertThat(index.suggest("\uD83D\uDE00\uD800", 10)).isEmpty();
        assertThat(index.suggest("검".repeat(10_000), 10)).isEmpty();
        assertThat(CompletionIndex.empty().suggest("a", 10)).isEmpty();
        assertThatThrownBy(() -> index.suggest("a", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.suggest("a", 21)).isInstanceOf(IllegalArgumentException.class);
    }
}
