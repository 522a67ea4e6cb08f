package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class TopicExtractorTest {

    private static final Analyzer ANALYZER = TextAnalysis.standard().perField();

    private static List<String> phrases(String text) {
        return TopicExtractor.phrases(ContentRuns.of(ANALYZER, Fields.BODY, text));
    }

    private static void add(TopicExtractor topics, String id, String title, String text) {
        topics.add(id, ContentRuns.of(ANALYZER, Fields.TITLE, title), ContentRuns.of(ANALYZER, Fields.BODY, text));
    }

    @Test
    void koreanPhrasesLoseTheirParticles() {
        assertThat(phrases("교착상태가 생기면 교착상태를 푼다")).contains("교착상태").doesNotContain("교착상태가", "교착상태를");
        assertThat(phrases("검색 엔진은 빠르다")).contains("검색 엔진", "검색", "엔진");
        assertThat(phrases("The search engine, and the index"))
                .contains("search engine", "index")
                .doesNotContain("engine index", "the");
    }

    @Test
    void compoundsCountWholeNotAlsoAsTheirParts() {
        // the index's analysis gives the compound 가거도항 and its parts 가거도 and 항; a run holds it once
        assertThat(TextAnalysis.terms(ANALYZER, Fields.BODY, "가거도항")).containsExactly("가거도항", "가거도", "항");
        assertThat(ContentRuns.of(ANALYZER, Fields.BODY, "가거도항 여객선")).isEqualTo("가거도항 여객선\n");
    }

    @Test
    void wordsThatTouchJoinWithoutASpaceAndPunctuationEndsARun() {
        assertThat(ContentRuns.of(ANALYZER, Fields.BODY, "Search엔진. 색인 구조"))
                .isEqualTo("search" + ContentRuns.JOINED + "엔진\n색인 구조\n");
        assertThat(phrases("Search엔진")).contains("search엔진");
    }

    @Test
    void topicsAreDistinctiveInTheCollection() {
        TopicExtractor topics = new TopicExtractor();
        add(topics, "a", "교착상태", "교착상태가 생기면 프로세스가 멈춘다. 교착상태를 피하려면 자원 순서를 정한다. 프로세스 자원 할당.");
        add(topics, "b", "페이지 교체", "페이지 교체 알고리즘은 프로세스의 페이지를 고른다. 페이지 교체 비용.");
        add(topics, "c", "스케줄링", "스케줄링은 프로세스를 고른다. 스케줄링 정책.");
        Map<String, List<TopicExtractor.Topic>> result = topics.topics(3);
        assertThat(result.get("a"))
                .extracting(TopicExtractor.Topic::phrase)
                .contains("교착상태")
                .doesNotContain("프로세스");
        assertThat(result.get("b"))
                .extracting(TopicExtractor.Topic::phrase)
                .first()
                .isEqualTo("페이지 교체");
        assertThat(result.get("c")).extracting(TopicExtractor.Topic::phrase).containsExactly("스케줄링");
    }

    @Test
    void documentsComeOutInTheOrderAdded() {
        TopicExtractor topics = new TopicExtractor();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "abc".charAt(i % 3) + String.valueOf(i);
            ids.add(id);
            switch (i % 3) {
                case 0 -> add(topics, id, "교착상태", "교착상태가 생기면 프로세스가 멈춘다. 교착상태를 피하려면 자원 순서를 정한다.");
                case 1 -> add(topics, id, "페이지 교체", "페이지 교체 알고리즘은 프로세스의 페이지를 고른다. 페이지 교체 비용.");
                default -> add(topics, id, "스케줄링", "스케줄링은 프로세스를 고른다. 스케줄링 정책.");
            }
        }
        Map<String, List<TopicExtractor.Topic>> result = topics.topics(3);
        assertThat(result.keySet()).containsExactlyElementsOf(ids);
        for (String id : ids) {
            assertThat(result.get(id)).isEqualTo(result.get(ids.get("abc".indexOf(id.charAt(0)))));
        }
        assertThat(result.get("a0")).extracting(TopicExtractor.Topic::phrase).contains("교착상태");
    }
}
