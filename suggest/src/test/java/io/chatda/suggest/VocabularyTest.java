package io.chatda.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.suggest.SuggestEntry.Kind;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static Map<String, SuggestEntry> built(List<List<String>> documents) {
        Vocabulary v = new Vocabulary();
        documents.forEach(d -> v.add("s", d));
        return v.build().entries().stream().collect(Collectors.toMap(SuggestEntry::text, Function.identity()));
    }

    @Test
    void wordsAreCountedByDocumentAndLoseAttestedEndings() {
        Map<String, SuggestEntry> e = built(List.of(
                List.of("멱등성을 보장합니다. 멱등성이 중요합니다."),
                List.of("HTTP 메서드의 멱등성, 안전성"),
                List.of("deadlock이 생기면 deadlock을 풀어야 한다. 메서드를 호출")));
        assertThat(e).containsKeys("멱등성", "HTTP", "메서드", "안전성", "deadlock");
        assertThat(e).doesNotContainKeys("멱등성을", "멱등성이", "보장합니다", "중요합니다", "deadlock이", "한다", "메서드를");
        assertThat(e.get("멱등성").kind()).isEqualTo(Kind.WORD);
        assertThat(e.get("멱등성").weight()).isGreaterThan(e.get("메서드").weight());
    }

    @Test
    void endingsAreStrippedOneAfterAnother() {
        Map<String, SuggestEntry> e = built(List.of(List.of("도구에서부터 도구에만 도구를")));
        assertThat(e).containsKey("도구").doesNotContainKeys("도구에서", "도구에");
    }

    @Test
    void anEndingStaysWhenTheRestIsNotAttested() {
        Map<String, SuggestEntry> e = built(List.of(List.of("마이크로 서비스"), List.of("마이크로 커널")));
        assertThat(e).containsKey("마이크로").doesNotContainKey("마이크");
    }

    @Test
    void phrasesOfAssociatedWordsCompleteTheSecondWord() {
        Map<String, SuggestEntry> e = built(List.of(
                List.of("교착상태", "\"교착상태 예방\"을 설명합니다"),
                List.of("thread pool 크기와 thread 수"),
                List.of("hash table은 빠르다"),
                List.of("회피와 예방"),
                List.of("lock"),
                List.of("table"),
                List.of("pool")));
        assertThat(e).containsKeys("교착상태 예방", "thread pool", "hash table");
        assertThat(e.get("교착상태 예방").kind()).isEqualTo(Kind.PHRASE);
        assertThat(e).doesNotContainKeys("설명합니다", "예방\"을");
        CompletionIndex index = CompletionIndex.build(e.values());
        assertThat(index.suggest("교착상태 예", 10)).extracting(Suggestion::text).contains("교착상태 예방");
        assertThat(index.suggest("thread po", 10)).extracting(Suggestion::text).contains("thread pool");
        assertThat(index.suggest("hash tab", 10)).extracting(Suggestion::text).contains("hash table");
    }

    @Test
    void phrasesDoNotStartInsideAWordOrCrossPunctuation() {
        Map<String, SuggestEntry> e = built(List.of(
                List.of("객체지향 프로그래밍은 좋다. 객체지향 프로그래밍"), List.of("지향점이 다르다, 프로그래밍 언어"), List.of("언어"), List.of("좋다")));
        assertThat(e).containsKey("객체지향 프로그래밍").doesNotContainKeys("지향 프로그래밍", "좋다 객체지향");
    }

    @Test
    void capitalisationFollowsTheCollection() {
        Map<String, SuggestEntry> e =
                built(List.of(List.of("Thread safety. The thread pool"), List.of("Redis and Redis")));
        assertThat(e).containsKeys("thread", "Redis").doesNotContainKeys("Thread", "redis", "the", "and");
    }

    @Test
    void aPhraseOnMostPagesIsBoilerplate() {
        Vocabulary v = new Vocabulary();
        for (int i = 0; i < 30; i++) {
            v.add("s", List.of("관련 문서", "본문 단어" + i + " 내용" + i + " 추가" + (i % 2)));
        }
        v.add("s", List.of("검색 엔진 검색 엔진"));
        v.add("s", List.of("검색 엔진"));
        Map<String, SuggestEntry> e =
                v.build().entries().stream().collect(Collectors.toMap(SuggestEntry::text, Function.identity()));
        assertThat(e.get("관련 문서") == null
                        || e.get("관련 문서").weight() < e.get("검색 엔진").weight())
                .isTrue();
        assertThat(e).containsKey("검색 엔진");
    }

    @Test
    void builtKnowsItsTexts() {
        Vocabulary v = new Vocabulary();
        v.add("s", List.of("교착상태 예방"));
        v.add("s", List.of("예방 접종"));
        v.add("s", List.of("교착상태 탐지"));
        Vocabulary.Built b = v.build();
        assertThat(b.contains("s", "교착상태")).isTrue();
        assertThat(b.contains("t", "교착상태")).isFalse();
        assertThat(b.contains("s", "착상태")).isFalse();
    }

    @Test
    void languageNamesAndDottedWordsStayWhole() {
        Map<String, SuggestEntry> e = built(List.of(List.of("C++와 C#, node.js, b-tree."), List.of("C++ 언어")));
        assertThat(e).containsKeys("C++", "C#", "node.js", "b-tree");
    }

    @Test
    void fullCandidateMapsDropTheRarestAndKeepWhatRecurs() {
        Vocabulary v = new Vocabulary(new Vocabulary.Settings(1_000, 1_000, 40, 40, 0.7, 0.3));
        for (int i = 0; i < 200; i++) {
            v.add("s", List.of("검색 엔진 word" + i + " 단어" + i + "를 thread pool"));
        }
        Map<String, SuggestEntry> e =
                v.build().entries().stream().collect(Collectors.toMap(SuggestEntry::text, Function.identity()));
        assertThat(e).containsKeys("검색", "엔진", "검색 엔진", "thread pool");
        assertThat(e.size()).isLessThan(100);
    }
}
