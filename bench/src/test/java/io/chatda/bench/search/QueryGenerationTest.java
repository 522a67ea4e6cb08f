package io.chatda.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.search.SearchDocument;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The known-item evaluation's query generation on small hand-made pages (no corpora needed). */
class QueryGenerationTest {

    private static final Lexicon LEXICON = Lexicon.load();

    private static Page page(String corpus, String key, String title, String body) {
        SearchDocument doc = new SearchDocument("file:///" + corpus + "/" + key, title, List.of(), body, corpus, "");
        return new Page(corpus, key, Titles.clean(title, null), doc);
    }

    @Test
    void titlesLoseSectionNumbersAndSiteSuffixes() {
        assertThat(Titles.clean("4.14. Remove Holes", null)).isEqualTo("Remove Holes");
        assertThat(Titles.clean("16장. 메뉴", null)).isEqualTo("메뉴");
        assertThat(Titles.clean("부록 D. Tone Mapping", null)).isEqualTo("Tone Mapping");
        assertThat(Titles.clean(
                        "os.path — Common pathname manipulations — Python 3.11.2 documentation",
                        " — Python 3.11.2 documentation"))
                .isEqualTo("os.path — Common pathname manipulations");
        assertThat(Titles.words("자유 선택 도구(올가미)")).containsExactly("자유", "선택", "도구", "올가미");
        assertThat(Titles.words("“선택” 메뉴")).containsExactly("선택", "메뉴");
    }

    @Test
    void particlesAreStrippedOnlyWhenTheRestIsAWordOfTheCorpus() {
        Set<String> vocab = Set.of("레이어", "레이어가", "해상도", "효과");
        assertThat(KoreanWords.stripParticle("레이어를", vocab)).isEqualTo("레이어");
        assertThat(KoreanWords.stripParticle("레이어에서는", vocab)).isEqualTo("레이어");
        assertThat(KoreanWords.stripParticle("해상도", vocab)).isEqualTo("해상도");
        assertThat(KoreanWords.stripParticle("효과", vocab)).isEqualTo("효과");
        assertThat(KoreanWords.stem("설정합니다", vocab)).isEqualTo("설정");
        assertThat(KoreanWords.withObjectParticle("레이어")).isEqualTo("레이어를");
        assertThat(KoreanWords.withObjectParticle("채널")).isEqualTo("채널을");
    }

    @Test
    void theListsAreLargeEnoughAndReadBothWays() {
        assertThat(LEXICON.termCount()).isGreaterThanOrEqualTo(150);
        assertThat(LEXICON.english("레이어")).contains("layer");
        assertThat(LEXICON.english("교착상태")).contains("deadlock");
        assertThat(LEXICON.korean("Layers")).contains("레이어");
        assertThat(LEXICON.hangul("threads")).contains("스레드");
        assertThat(LEXICON.hangul("python")).contains("파이썬");
        assertThat(LEXICON.isAction("delete")).isTrue();
        assertThat(LEXICON.isAction("layer")).isFalse();
    }

    @Test
    void loanwordQueriesPutTheActionLastAndNeedHalfTheWordsMapped() {
        EnglishQueries english = new EnglishQueries(LEXICON);
        Random random = new Random(1);
        assertThat(english.loanword(page("g", "a.html", "Delete Layer", ""), random))
                .hasValueSatisfying(q -> assertThat(q.text()).isEqualTo("레이어 삭제"));
        assertThat(english.loanword(page("g", "b.html", "The Python Tutorial", ""), random))
                .hasValueSatisfying(q -> assertThat(q.text()).isEqualTo("파이썬 튜토리얼"));
        assertThat(english.loanword(page("g", "c.html", "Zorp Quux Frobnicate Layer", ""), random))
                .isEmpty();
    }

    @Test
    void koreanPagesGetVariantRememberedAndMixedQueries() {
        String body = "레이어를 추가하면 새 채널이 생깁니다. 채널은 투명도를 저장합니다. 채널을 복사하고 채널이 늘어납니다. " + "마스크를 쓰면 마스크가 투명도를 바꿉니다.";
        Page target = page("g", "add.html", "7.1. 레이어 추가하기", body);
        Page other = page("g", "other.html", "붓", "붓으로 그립니다. 붓이 있습니다.");
        KoreanQueries korean = new KoreanQueries(List.of(target, other), LEXICON);
        List<EvalQuery> queries = korean.queries(target, 42);
        assertThat(queries).extracting(EvalQuery::kind).contains("title-variant", "remembered", "mixed");
        EvalQuery variant = queries.stream()
                .filter(q -> q.kind().equals("title-variant"))
                .findFirst()
                .orElseThrow();
        assertThat(variant.text()).isIn("레이어를 추가하기", "레이어추가하기");
        EvalQuery remembered = queries.stream()
                .filter(q -> q.kind().equals("remembered"))
                .findFirst()
                .orElseThrow();
        assertThat(remembered.text().split(" ")).hasSizeBetween(2, 3).doesNotContain("레이어", "추가");
        assertThat(korean.queries(target, 42)).isEqualTo(queries);
    }

    @Test
    void halvesAreStableAndAboutEven() {
        long tune = 0;
        for (int i = 0; i < 2000; i++) {
            Page p = page("c", "page" + i + ".html", "t", "");
            EvalQuery q = new EvalQuery(p, "title", "t", "");
            assertThat(q.half()).isEqualTo(new EvalQuery(p, "title", "other text", "").half());
            tune += q.half().equals(EvalQuery.TUNE) ? 1 : 0;
        }
        assertThat(tune).isBetween(900L, 1100L);
    }

    @Test
    void thePeerFindsAKoreanPageWithAnyOfTheWords() throws Exception {
        List<SearchDocument> docs = List.of(
                new SearchDocument("u:1", "레이어 추가하기", List.of(), "새 레이어를 만듭니다.", "s", ""),
                new SearchDocument("u:2", "붓 도구", List.of(), "붓으로 그립니다.", "s", ""));
        try (LucenePeer peer = new LucenePeer(docs)) {
            assertThat(peer.search("레이어를 삭제", 10).urls()).containsExactly("u:1");
            assertThat(peer.search("없는말", 10).totalHits()).isZero();
        }
    }
}
