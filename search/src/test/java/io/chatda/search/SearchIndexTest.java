package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
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
        index.upsert(new SearchDocument(
                "u:deadlock",
                "교착상태 (Deadlock)",
                List.of("발생 조건"),
                "교착상태는 두 프로세스가 서로가 가진 자원을 기다리며 멈추는 상황이다. Deadlock needs four conditions.",
                "demo",
                "mixed"));
        index.upsert(new SearchDocument(
                "u:gc", "가비지 컬렉션", List.of("세대별 수집"), "가비지 컬렉터는 도달할 수 없는 객체를 회수한다. 교착상태와는 관계가 없다.", "demo", "ko"));
        index.upsert(new SearchDocument(
                "u:http2",
                "HTTP/2",
                List.of("Multiplexing"),
                "HTTP/2 multiplexes <script>alert(1)</script> streams over one connection.",
                "other",
                "en"));
        index.commit(Map.of("corpus", "v1"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> urls(String query) {
        return index.search(query, 1, 10).hits().stream().map(SearchHit::url).toList();
    }

    @Test
    void koreanQueryWithParticleFindsTheTitlePageFirst() {
        SearchResults results = index.search("교착상태가", 1, 10);

        assertThat(results.totalHits()).isEqualTo(2);
        assertThat(results.hits().get(0).url()).isEqualTo("u:deadlock");
        assertThat(results.hits().get(0).snippetHtml()).contains("<mark>교착</mark>");
    }

    @Test
    void englishQueryIsCaseInsensitiveAndStemmed() {
        // the gloss 교착상태 (Deadlock) bridges the English word to the page that only mentions 교착상태, below it
        assertThat(urls("DEADLOCK")).containsExactly("u:deadlock", "u:gc");
        assertThat(urls("condition")).containsExactly("u:deadlock");
        assertThat(urls("multiplexing stream")).containsExactly("u:http2");
    }

    @Test
    void technicalWordsMatchOnlyWhole() {
        index.upsert(new SearchDocument(
                "u:cpp", "C++ templates", List.of(), "Templates in C++ are compiled.", "demo", "en"));
        index.upsert(
                new SearchDocument("u:c", "C language", List.of(), "Pointers in C are plain addresses.", "demo", "en"));
        index.commit(Map.of());

        assertThat(urls("C++")).containsExactly("u:cpp");
        assertThat(urls("c++ 템플릿 OR templates")).containsExactly("u:cpp");
        assertThat(urls("http/2")).containsExactly("u:http2");
    }

    @Test
    void mixedKoreanEnglishQuery() {
        index.upsert(new SearchDocument(
                "u:py", "Python 자료구조", List.of(), "Python의 리스트와 딕셔너리는 dictionaries라고도 한다.", "demo", "mixed"));
        index.commit(Map.of());

        assertThat(urls("python 자료구조")).containsExactly("u:py");
        assertThat(urls("리스트 dictionary")).containsExactly("u:py");
    }

    @Test
    void snippetsEscapeDocumentMarkup() {
        SearchHit hit = index.search("multiplexes", 1, 10).hits().get(0);

        assertThat(hit.snippetHtml())
                .contains("&lt;script&gt;")
                .contains("<mark>")
                .doesNotContain("<script>");
    }

    @Test
    void leadSnippetOfADocumentWithoutBodyMatchIsEscaped() {
        index.upsert(new SearchDocument("u:x", "Script 태그", List.of(), "<script>alert('x')</script> 본문", "demo", "en"));
        index.commit(Map.of());

        SearchHit hit = index.search("태그", 1, 10).hits().get(0);
        assertThat(hit.snippetHtml()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void exclusionSiteAndOrWork() {
        assertThat(urls("교착상태 -가비지")).containsExactly("u:deadlock");
        assertThat(urls("site:other HTTP/2")).containsExactly("u:http2");
        assertThat(urls("가비지 OR multiplexes")).containsExactlyInAnyOrder("u:gc", "u:http2");
        assertThat(urls("\"가비지 컬렉터\"")).containsExactly("u:gc");
        assertThat(urls("\"컬렉터 가비지\"")).isEmpty();
    }

    @Test
    void hostileInputNeverFails() {
        for (String q : List.of(
                "\"",
                "-",
                "site:",
                "AND OR NOT",
                "title:x^3 ~2 *:*",
                "((",
                "\\",
                "x".repeat(10_000),
                "교착상태 ".repeat(2_000),
                "\"\"\"",
                "-\"",
                "site:::",
                "OR OR OR",
                "{!lucene} [a TO z]",
                "\u0000\uFFFF",
                "\uD800",
                "a* ?b~ /regex/")) {
            assertThat(index.search(q, 1, 10))
                    .as(q.length() > 40 ? q.substring(0, 40) : q)
                    .isNotNull();
        }
        assertThat(urls("\"교착상태")).containsExactly("u:deadlock", "u:gc");
        assertThat(urls("deadlock AND")).first().isEqualTo("u:deadlock");
    }

    @Test
    void badPageOrSizeIsRejected() {
        assertThatThrownBy(() -> index.search("x", 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.search("x", 1, 51)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authorityDecidesBetweenOtherwiseEqualPages() {
        index.upsert(new SearchDocument("u:a", "프로세스 스케줄링", List.of(), "라운드 로빈 스케줄러", "s", "ko"));
        index.upsert(new SearchDocument("u:b", "프로세스 스케줄링", List.of(), "라운드 로빈 스케줄러", "s", "ko"));
        index.commit(Map.of());
        assertThat(urls("라운드 로빈")).containsExactly("u:a", "u:b");

        List<SearchDocument.Link> toB = List.of(new SearchDocument.Link("u:b", "자세히"));
        for (int i = 0; i < 5; i++) {
            index.upsert(new SearchDocument("u:hub" + i, "목차 " + i, List.of(), "차례", "t", "ko", List.of(), toB));
        }
        index.commit(Map.of());

        assertThat(urls("라운드 로빈")).containsExactly("u:b", "u:a");
        String explanation = index.search("라운드 로빈", 1, 1, new SearchOptions(true, SearchOptions.Ranking.FULL))
                .hits()
                .get(0)
                .explanation();
        assertThat(explanation).contains("authority factor");
    }

    @Test
    void inboundAnchorTextFindsThePage() {
        index.upsert(new SearchDocument(
                "u:home",
                "홈",
                List.of(),
                "시작",
                "demo",
                "ko",
                List.of(),
                List.of(new SearchDocument.Link("u:gc", "메모리 회수기"))));
        index.commit(Map.of());

        assertThat(urls("회수기")).containsExactly("u:gc");

        index.delete("u:home");
        index.commit(Map.of());
        assertThat(urls("회수기")).isEmpty();
    }

    @Test
    void atMostTwoResultsPerSiteOnAPageUnlessSiteIsGiven() {
        for (int i = 0; i < 4; i++) {
            index.upsert(new SearchDocument("a:" + i, "캐시 정책 " + i, List.of(), "캐시 캐시 캐시 정책", "a", "ko"));
        }
        index.upsert(new SearchDocument("b:0", "캐시", List.of(), "캐시 이야기", "b", "ko"));
        index.commit(Map.of());

        List<SearchHit> first = index.search("캐시", 1, 3).hits();
        assertThat(first).extracting(SearchHit::site).containsExactlyInAnyOrder("a", "a", "b");
        List<SearchHit> second = index.search("캐시", 2, 3).hits();
        assertThat(second).extracting(SearchHit::site).containsExactly("a", "a");
        List<String> all = new ArrayList<>();
        first.forEach(h -> all.add(h.url()));
        second.forEach(h -> all.add(h.url()));
        assertThat(all).doesNotHaveDuplicates().hasSize(5);
        assertThat(index.search("캐시 site:a", 1, 3).hits())
                .extracting(SearchHit::site)
                .containsExactly("a", "a", "a");
        assertThat(index.search("캐시", 3, 3).hits()).isEmpty();
    }

    @Test
    void paginationReplaceAndDelete() {
        assertThat(index.search("교착상태", 2, 1).hits()).extracting(SearchHit::url).containsExactly("u:gc");
        assertThat(index.search("교착상태", 3, 1).hits()).isEmpty();

        index.upsert(new SearchDocument("u:gc", "Garbage collection", List.of(), "reclaims memory", "demo", "en"));
        index.delete("u:http2");
        index.commit(Map.of("corpus", "v2"));

        assertThat(index.size()).isEqualTo(2);
        assertThat(urls("교착상태")).containsExactly("u:deadlock");
        assertThat(index.commitData()).containsEntry("corpus", "v2");
    }

    @Test
    void didYouMeanFixesKeyboardLayoutAndSpelling() {
        index.upsert(new SearchDocument("u:search", "검색 엔진", List.of(), "검색은 색인을 읽는다.", "demo", "ko"));
        index.commit(Map.of());

        SearchResults layout = index.search("rjator", 1, 10);
        assertThat(layout.didYouMean()).isEqualTo("검색");
        assertThat(layout.corrected()).isTrue();
        assertThat(layout.hits()).extracting(SearchHit::url).containsExactly("u:search");

        SearchResults typo = index.search("deadlok", 1, 10);
        assertThat(typo.didYouMean()).isEqualTo("deadlock");
        assertThat(typo.hits()).extracting(SearchHit::url).first().isEqualTo("u:deadlock");

        SearchResults known = index.search("교착상태", 1, 10);
        assertThat(known.didYouMean()).isEmpty();
        assertThat(known.corrected()).isFalse();
    }

    @Test
    void topicsRoundTrip() {
        var links = List.of(new SearchDocument.Link("u:gc", "GC"));
        index.upsert(new SearchDocument("u:t", "운영체제", List.of(), "커널", "demo", "ko", List.of("운영체제", "커널"), links));
        index.commit(Map.of());

        SearchHit hit = index.search("커널", 1, 10).hits().get(0);
        assertThat(hit.topics()).containsExactly("운영체제", "커널");
    }

    @Test
    void baselineRanksByBodyAlone() {
        SearchOptions baseline = new SearchOptions(false, SearchOptions.Ranking.BODY_BM25);
        assertThat(index.search("가비지", 1, 10, baseline).hits())
                .extracting(SearchHit::url)
                .containsExactly("u:gc");
        assertThat(index.search("multiplexing", 1, 10, baseline).hits()).isEmpty();
    }

    @Test
    void commitDataAndGraphSurviveReopen() {
        index.upsert(new SearchDocument(
                "u:home",
                "홈",
                List.of(),
                "시작",
                "demo",
                "ko",
                List.of(),
                List.of(new SearchDocument.Link("u:gc", "메모리 회수기"))));
        index.commit(Map.of("corpus", "v1"));
        index.close();
        index = SearchIndex.open(dir);

        assertThat(index.commitData()).containsEntry("corpus", "v1");
        assertThat(index.size()).isEqualTo(4);
        index.upsert(new SearchDocument("u:new", "새 문서", List.of(), "본문", "demo", "ko"));
        index.commit(Map.of());
        assertThat(urls("회수기")).containsExactly("u:gc");
    }

    @Test
    void readOnlyOpenSeesLaterCommitsOnceASecondHasPassedWithoutReopening() {
        AtomicLong nanos = new AtomicLong();
        try (SearchIndex reader = SearchIndex.openReadOnly(dir, TextAnalysis.standard(), nanos::get)) {
            assertThat(reader.search("deadlock", 1, 10).hits())
                    .extracting(SearchHit::url)
                    .first()
                    .isEqualTo("u:deadlock");
            assertThat(reader.commitData()).containsEntry("corpus", "v1");
            assertThatThrownBy(() -> reader.delete("u:gc")).isInstanceOf(IllegalStateException.class);

            index.delete("u:deadlock");
            index.commit(Map.of("corpus", "v2"));
            nanos.addAndGet(Searchers.READ_ONLY_REFRESH_NANOS);

            assertThat(reader.commitData()).containsEntry("corpus", "v1");
            assertThat(reader.search("deadlock", 1, 10).hits()).isNotEmpty();

            nanos.incrementAndGet();

            assertThat(reader.search("deadlock", 1, 10).hits()).isEmpty();
            assertThat(reader.commitData()).containsEntry("corpus", "v2");
        }
    }

    @Test
    void closeClosesEveryPartAndThrowsTheFirstFailureWithTheOthersSuppressed(@TempDir Path other) throws IOException {
        FailingDirectory failing = new FailingDirectory(FSDirectory.open(other));
        SearchIndex broken = SearchIndex.open(failing, TextAnalysis.standard());
        broken.upsert(new SearchDocument("u:x", "제목", List.of(), "본문", "demo", "ko"));
        failing.failWrites = true; // the writer's closing commit fails, then the directory's close

        assertThatThrownBy(broken::close)
                .isInstanceOf(SearchIndexException.class)
                .satisfies(e -> {
                    assertThat(e.getCause()).hasMessage("disk full");
                    assertThat(e.getCause().getSuppressed())
                            .extracting(Throwable::getMessage)
                            .contains("directory close failed");
                });
        assertThat(failing.closed).isTrue();
        try (SearchIndex reopened = SearchIndex.open(other)) { // the writer let go of its lock
            assertThat(reopened.size()).isZero();
        }
    }

    /** A directory whose writes and close fail once {@link #failWrites} is set. */
    private static final class FailingDirectory extends FilterDirectory {
        volatile boolean failWrites;
        volatile boolean closed;

        FailingDirectory(Directory in) {
            super(in);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            failIfSet();
            return super.createOutput(name, context);
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            failIfSet();
            return super.createTempOutput(prefix, suffix, context);
        }

        private void failIfSet() throws IOException {
            if (failWrites) {
                throw new IOException("disk full");
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
            if (failWrites) {
                throw new IOException("directory close failed");
            }
        }
    }

    @Test
    void readOnlyOpenOfAMissingIndexIsASpecificError(@TempDir Path empty) {
        assertThatThrownBy(() -> SearchIndex.openReadOnly(empty))
                .isInstanceOf(SearchIndexException.class)
                .hasMessageContaining("no index");
    }
}
