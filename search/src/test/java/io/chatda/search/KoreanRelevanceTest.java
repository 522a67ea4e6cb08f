package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per cause of weak Korean ranking found by outside measurement (issue 16). */
class KoreanRelevanceTest {

    @TempDir
    Path dir;

    private SearchIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private void index(SearchDocument... docs) {
        index = SearchIndex.open(dir.resolve("index"), TextAnalysis.of(null, dir.resolve("synonyms.txt")));
        for (SearchDocument d : docs) {
            index.upsert(d);
        }
        index.commit(Map.of());
    }

    private static SearchDocument page(String url, String title, String body) {
        return new SearchDocument(url, title, List.of(), body, "demo", "ko");
    }

    private List<String> urls(String query) {
        return index.search(query, 1, 10).hits().stream().map(SearchHit::url).toList();
    }

    private String explanation(String query, String url) {
        return index.search(query, 1, 10, new SearchOptions(true, SearchOptions.Ranking.FULL)).hits().stream()
                .filter(h -> h.url().equals(url))
                .findFirst()
                .orElseThrow()
                .explanation();
    }

    @Test
    void aLoanwordNoriBreaksApartIsFoundByItsBigrams() {
        index(
                page("u:k8s", "컨테이너 운영", "쿠버네티스는 컨테이너를 여러 서버에 배치한다. 엘라스틱서치를 함께 띄운다."),
                page("u:noise", "테니스 동호회", "쿠폰을 쓰는 티스토리 블로그와 버스 정류장, 서치라이트와 엘라스틱 밴드."));

        assertThat(urls("쿠버네티스")).first().isEqualTo("u:k8s");
        assertThat(urls("엘라스틱서치")).first().isEqualTo("u:k8s");
        assertThat(urls("쿠버네티스에서")).first().isEqualTo("u:k8s");
    }

    @Test
    void aOneSyllableFragmentDoesNotOutrankTheLoanword() {
        index(
                page("u:bfs", "BFS와 DFS", "깊이 우선 탐색은 갈 수 있는 데까지 간 다음 돌아온다."),
                page("u:lock", "락과 교착", "두 스레드가 서로의 락을 기다리면 데드락이 생긴다."));

        assertThat(urls("데드락")).first().isEqualTo("u:lock");
    }

    @Test
    void aMixedScriptQueryFindsTheKoreanPageThatLacksTheEnglishWord() {
        index(
                page("u:prevent", "교착상태 예방", "상호 배제, 점유 대기, 비선점, 순환 대기 중 하나를 깨면 교착상태를 예방할 수 있다."),
                page("u:other", "메모리 관리", "페이지 교체 알고리즘은 메모리가 부족할 때 쓴다."));

        assertThat(urls("deadlock 예방")).containsExactly("u:prevent");
        assertThat(urls("교착상태 prevention")).containsExactly("u:prevent");
    }

    @Test
    void theLeastInformativeWordMayGoInALongerQuery() {
        index(
                page("u:sched", "프로세스 스케줄링", "라운드 로빈은 시간 할당량마다 프로세스를 바꾼다. 선점형 스케줄링의 예이다."),
                page("u:other", "메모리 관리", "페이지 교체 알고리즘은 메모리가 부족할 때 쓴다."));

        // 우선순위 is not on the page; the other two words are
        assertThat(urls("라운드 로빈 우선순위")).first().isEqualTo("u:sched");
    }

    @Test
    void theExactTitleRanksFirst() {
        SearchDocument exact = page("u:exact", "프로세스 스케줄링", "운영체제는 준비 큐에서 다음에 실행할 작업을 고른다.");
        SearchDocument repeats = new SearchDocument(
                "u:repeats",
                "스케줄링 알고리즘 비교: 프로세스 스케줄링 정리",
                List.of("프로세스 스케줄링 개요", "프로세스 스케줄링 기준", "프로세스 상태"),
                "프로세스 스케줄링은 프로세스를 고른다. 프로세스 스케줄링 기준은 여러 가지다. 프로세스 프로세스 스케줄링.",
                "demo",
                "ko");
        index(exact, repeats);

        assertThat(urls("프로세스 스케줄링")).first().isEqualTo("u:exact");
        assertThat(urls("프로세스스케줄링")).first().isEqualTo("u:exact");
        assertThat(explanation("프로세스 스케줄링", "u:exact")).contains("titlekey:");
    }

    @Test
    void aMinedGlossBridgesAKoreanWordToTheEnglishPage() {
        index(
                page("u:glossary", "용어 정리", "교착상태(deadlock)는 자원을 서로 기다리는 상태다."),
                new SearchDocument(
                        "u:en",
                        "Deadlock",
                        List.of("Conditions"),
                        "Two threads each wait for a resource the other holds, forever.",
                        "demo",
                        "en"));

        assertThat(urls("교착상태")).containsExactlyInAnyOrder("u:glossary", "u:en");
        assertThat(explanation("교착상태", "u:en")).contains("bridge gloss: 교착상태 → deadlock");
        assertThat(urls("deadlock")).containsExactly("u:en", "u:glossary");
    }

    @Test
    void 데드락FindsTheDeadlockPageThroughAMinedGlossOnItsOwn() {
        // the plural's Hangul spelling (데드락스) is two jamo edits from 데드락: only the gloss can bridge
        index(
                page("u:glossary", "용어 정리", "데드락(deadlock)은 두 스레드가 서로를 기다리는 상태다."),
                new SearchDocument(
                        "u:en", "Deadlocks", List.of(), "Threads wait for each other forever.", "demo", "en"));

        assertThat(urls("데드락")).contains("u:en");
        assertThat(explanation("데드락", "u:en"))
                .contains("bridge gloss: 데드락 → deadlock")
                .doesNotContain("bridge transliteration");
    }

    @Test
    void aGlossFromADeletedPageNoLongerBridges() {
        index(
                page("u:glossary", "용어 정리", "교착상태(deadlock)는 자원을 서로 기다리는 상태다."),
                new SearchDocument(
                        "u:en", "Deadlock", List.of(), "Two threads wait for each other forever.", "demo", "en"));
        index.delete("u:glossary");
        index.commit(Map.of());

        assertThat(urls("교착상태")).isEmpty();
    }

    @Test
    void transliterationFindsTheEnglishPageFromItsHangulSpelling() {
        index(
                new SearchDocument(
                        "u:en",
                        "Deadlock",
                        List.of("Redis locks"),
                        "Two threads each wait for a lock the other holds. Elasticsearch and Kubernetes are unrelated.",
                        "demo",
                        "en"),
                page("u:ko", "메모리 관리", "페이지 교체 알고리즘은 메모리가 부족할 때 쓴다."));

        assertThat(urls("데드락")).containsExactly("u:en");
        assertThat(urls("데드록")).containsExactly("u:en");
        assertThat(urls("레디스")).containsExactly("u:en");
        // no page glosses anything here: the transliteration bridge does it on its own
        assertThat(explanation("데드락", "u:en"))
                .contains("bridge transliteration")
                .doesNotContain("bridge gloss");
    }

    @Test
    void anEnglishWordFindsTheKoreanPageThatWritesItInHangul() {
        index(page("u:ko", "캐시 서버", "레디스를 캐시로 쓴다."), page("u:other", "메모리 관리", "페이지 교체 알고리즘은 메모리가 부족할 때 쓴다."));

        assertThat(urls("redis")).containsExactly("u:ko");
        assertThat(explanation("redis", "u:ko")).contains("bridge transliteration: redis → 레디스");
    }

    @Test
    void theSynonymFileBridgesWordsNoPageGlosses() throws Exception {
        Files.writeString(dir.resolve("synonyms.txt"), "# operator's groups\n멱등성, idempotence, idempotency\n");
        index(
                new SearchDocument(
                        "u:en",
                        "Idempotency keys",
                        List.of(),
                        "Retries are safe when requests carry a key.",
                        "demo",
                        "en"),
                page("u:other", "메모리 관리", "페이지 교체 알고리즘은 메모리가 부족할 때 쓴다."));

        assertThat(urls("멱등성")).containsExactly("u:en");
        assertThat(explanation("멱등성", "u:en")).contains("bridge synonym: 멱등성 → idempotency");
    }

    @Test
    void aHugeCjkWordDegradesInsteadOfFailing() {
        index(page("u:ko", "한국어", "한국어 문서"));
        String word = "가나다라마바사아자차카타파하".repeat(11);

        assertThat(index.search(word, 1, 10)).isNotNull();
        assertThat(index.search((word + " ").repeat(32), 1, 10)).isNotNull();
    }
}
