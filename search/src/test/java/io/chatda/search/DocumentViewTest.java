package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored document behind a result (its view HTML) and snippets taken from text before link lists. */
class DocumentViewTest {

    @TempDir
    Path dir;

    private SearchIndex index;

    @BeforeEach
    void open() {
        index = SearchIndex.open(dir);
        String filler = "스케줄러는 준비 큐에서 다음 작업을 고른다. ".repeat(12);
        index.upsert(new SearchDocument(
                "file:///notes/callbacks.md",
                "콜백",
                List.of("관련 문서"),
                "콜백은 나중에 호출되는 함수입니다. " + filler + "이벤트 루프가 콜백을 꺼내 실행합니다. " + filler + SearchDocument.LINK_LISTS
                        + " 이벤트 루프 Promise와 async/await 이벤트 루프 정리 이벤트 루프 심화",
                "demo",
                "ko",
                List.of(),
                List.of(),
                "<h1>콜백</h1><p>콜백은 나중에 호출되는 함수입니다.</p>"));
        index.upsert(new SearchDocument("https://example.com/a", "A", List.of(), "plain text", "example.com", "en"));
        index.commit(Map.of());
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void snippetsComeFromTheTextBeforeTheLinkLists() {
        SearchHit hit = index.search("이벤트 루프", 1, 10).hits().get(0);

        assertThat(hit.snippetHtml())
                .contains("<mark>이벤트</mark> <mark>루프</mark>")
                .contains("꺼내 실행")
                .doesNotContain("심화")
                .doesNotContain(String.valueOf(SearchDocument.LINK_LISTS));
    }

    @Test
    void theStoredDocumentCarriesItsViewHtml() {
        SearchDocument doc = index.document("file:///notes/callbacks.md").orElseThrow();

        assertThat(doc.title()).isEqualTo("콜백");
        assertThat(doc.html()).isEqualTo("<h1>콜백</h1><p>콜백은 나중에 호출되는 함수입니다.</p>");
        assertThat(doc.mainText()).startsWith("콜백은").doesNotContain("심화");
        assertThat(index.document("https://example.com/a").orElseThrow().html()).isEmpty();
        assertThat(index.document("https://example.com/missing")).isEmpty();
    }
}
