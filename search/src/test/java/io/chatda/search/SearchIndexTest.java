package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

    @TempDir
    Path dir;
    private SearchIndex index;

    @BeforeEach
    void open() {
        index = SearchIndex.open(dir);
        index.upsert(new SearchDocument("u:deadlock", "교착상태 (Deadlock)", List.of("발생 조건"),
                "교착상태는 두 프로세스가 서로가 가진 자원을 기다리며 멈추는 상황이다. Deadlock needs four conditions.",
                "demo", "mixed"));
        index.upsert(new SearchDocument("u:gc", "가비지 컬렉션", List.of("세대별 수집"),
                "가비지 컬렉터는 도달할 수 없는 객체를 회수한다. 교착상태와는 관계가 없다.", "demo", "ko"));
        index.upsert(new SearchDocument("u:http2", "HTTP/2", List.of("Multiplexing"),
                "HTTP/2 multiplexes <script>alert(1)</script> streams over one connection.", "other", "en"));
        index.commit(Map.of("corpus", "v1"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void koreanQueryWithParticleFindsTheTitlePageFirst() {
        SearchResults results = index.search("교착상태가", 1, 10);

        assertThat(results.totalHits()).isEqualTo(2);
        assertThat(results.hits().get(0).url()).isEqualTo("u:deadlock");
        assertThat(results.hits().get(0).snippetHtml()).contains("<mark>교착</mark>");
    }

    @Test
    void englishQueryIsCaseInsensitive() {
        assertThat(index.search("DEADLOCK", 1, 10).hits()).extracting(SearchHit::url).containsExactly("u:deadlock");
    }

    @Test
    void snippetsEscapeDocumentMarkup() {
        SearchHit hit = index.search("multiplexes", 1, 10).hits().get(0);

        assertThat(hit.snippetHtml()).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void exclusionSiteAndOrWork() {
        assertThat(index.search("교착상태 -가비지", 1, 10).hits()).extracting(SearchHit::url).containsExactly("u:deadlock");
        assertThat(index.search("site:other HTTP/2", 1, 10).hits()).extracting(SearchHit::url).containsExactly("u:http2");
        assertThat(index.search("가비지 OR multiplexes", 1, 10).hits()).extracting(SearchHit::url)
                .containsExactlyInAnyOrder("u:gc", "u:http2");
    }

    @Test
    void hostileInputNeverFails() {
        for (String q : List.of("\"", "-", "site:", "AND OR NOT", "title:x^3 ~2 *:*", "((", "\\", "x".repeat(10_000))) {
            assertThat(index.search(q, 1, 10)).as(q).isNotNull();
        }
    }

    @Test
    void paginationAndReplaceAndDelete() {
        assertThat(index.search("교착상태", 2, 1).hits()).extracting(SearchHit::url).containsExactly("u:gc");

        index.upsert(new SearchDocument("u:gc", "Garbage collection", List.of(), "reclaims memory", "demo", "en"));
        index.delete("u:http2");
        index.commit(Map.of("corpus", "v2"));

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.search("교착상태", 1, 10).hits()).extracting(SearchHit::url).containsExactly("u:deadlock");
        assertThat(index.commitData()).containsEntry("corpus", "v2");
    }

    @Test
    void commitDataSurvivesReopen() {
        index.close();
        index = SearchIndex.open(dir);

        assertThat(index.commitData()).containsEntry("corpus", "v1");
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void readOnlyOpenSearchesWhileTheWriterIsOpen() {
        try (SearchIndex reader = SearchIndex.openReadOnly(dir)) {
            assertThat(reader.search("deadlock", 1, 10).hits()).extracting(SearchHit::url).containsExactly("u:deadlock");
            assertThat(reader.commitData()).containsEntry("corpus", "v1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.delete("u:gc"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void readOnlyOpenOfAMissingIndexIsASpecificError(@TempDir Path empty) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchIndex.openReadOnly(empty))
                .isInstanceOf(SearchIndexException.class).hasMessageContaining("no index");
    }
}
