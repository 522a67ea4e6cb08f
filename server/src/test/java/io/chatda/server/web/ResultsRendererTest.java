package io.chatda.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.search.SearchHit;
import io.chatda.search.SearchResults;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Rendering of did-you-mean, corrections, topics, snippets and URLs on the results page. */
class ResultsRendererTest {

    private final ResultsRenderer renderer = new ResultsRenderer();

    @Test
    void didYouMeanIsALinkToThatSearch() {
        ResultsView view = new ResultsView("교착상테", 0, 1, 10, 1.5, List.of(), Optional.of("교착상태 <b>"), false, 0);

        Document doc = Jsoup.parse(renderer.results(view));

        var link = doc.selectFirst("p.did-you-mean a");
        assertThat(link.text()).isEqualTo("교착상태 <b>");
        assertThat(link.attr("href")).isEqualTo("/search?q=%EA%B5%90%EC%B0%A9%EC%83%81%ED%83%9C+%3Cb%3E");
        assertThat(doc.select("p.did-you-mean b")).isEmpty();
        assertThat(doc.selectFirst("p.did-you-mean").text()).startsWith("이것을 찾으셨나요?");
    }

    @Test
    void correctedResultsSayWhatWasSearchedInstead() {
        var hit = new ResultsView.Hit("https://example.com/a", "검색", "<mark>검색</mark>", List.of());
        ResultsView view = new ResultsView("rjator", 1, 1, 10, 1, List.of(hit), Optional.of("검색"), true, 1);

        Document doc = Jsoup.parse(renderer.results(view));

        assertThat(doc.selectFirst("p.did-you-mean").text())
                .isEqualTo("‘rjator’에 대한 결과가 없어 검색 검색결과를 보여 드립니다. ‘rjator’(으)로 검색");
        assertThat(doc.selectFirst("p.did-you-mean a").attr("href")).isEqualTo("/search?q=%EA%B2%80%EC%83%89");
        assertThat(doc.selectFirst("p.did-you-mean a.original").attr("href")).isEqualTo("/search?q=rjator&fix=0");
        assertThat(doc.select("ol.results > li")).hasSize(1);
        // the snippet's words are the correction's: the view highlights them
        assertThat(doc.selectFirst("ol.results .cached").attr("href")).contains("?q=%EA%B2%80%EC%83%89#match");

        Document original = Jsoup.parse(renderer.results(view.withoutCorrection()));
        assertThat(original.select("ol.results")).isEmpty();
        assertThat(original.selectFirst("p.did-you-mean").text()).isEqualTo("이것을 찾으셨나요? 검색");
        assertThat(original.selectFirst("section.empty h1").text()).isEqualTo("‘rjator’에 대한 검색결과가 없습니다.");
    }

    @Test
    void importedFilesLinkToTheirViewAndWebPagesKeepTheirUrlWithACachedLink() {
        var file = new ResultsView.Hit("file:///notes/a.md", "A", "", List.of());
        var section = new ResultsView.Hit("file:///notes/n.md#교착상태", "교착상태", "", List.of());
        var web = new ResultsView.Hit("https://example.com/x", "X", "", List.of());
        ResultsView view =
                new ResultsView("락 대기", 3, 1, 10, 1, List.of(file, section, web), Optional.empty(), false, 1);

        Document doc = Jsoup.parse(renderer.results(view));

        var titles = doc.select("ol.results h2 a");
        assertThat(titles.get(0).attr("href"))
                .isEqualTo(DocumentIds.href("file:///notes/a.md", "락 대기", "match"))
                .startsWith("/doc/")
                .endsWith("?q=%EB%9D%BD+%EB%8C%80%EA%B8%B0#match");
        assertThat(titles.get(1).attr("href")).endsWith("#교착상태");
        assertThat(titles.get(2).attr("href")).isEqualTo("https://example.com/x");
        assertThat(doc.select("ol.results .cached"))
                .singleElement()
                .satisfies(
                        a -> assertThat(a.attr("href")).startsWith("/doc/" + DocumentIds.of("https://example.com/x")))
                .satisfies(a -> assertThat(a.text()).isEqualTo("저장된 페이지"));
        assertThat(doc.select("h1").eachText()).containsExactly("‘락 대기’ 검색결과");
    }

    @Test
    void documentIdsRoundTripAndRejectWhatIsNotAnId() {
        for (String url : List.of("file:///notes/n.md#교착상태", "https://example.com/?a=1&b=<2>")) {
            assertThat(DocumentIds.url(DocumentIds.of(url))).contains(url);
        }
        for (String bad : List.of("", "not base64!", "%%", "_w", "x".repeat(DocumentIds.MAX_ID + 1))) {
            assertThat(DocumentIds.url(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void longQueriesAreCutAtAWordBoundary() {
        String words = "가나다 ".repeat(200);
        String cut = io.chatda.server.core.QueryText.cut(words);
        assertThat(cut.codePointCount(0, cut.length())).isLessThanOrEqualTo(512).isGreaterThan(500);
        assertThat(cut).endsWith("가나다");
        assertThat(io.chatda.server.core.QueryText.cut("a".repeat(600))).hasSize(512);
        assertThat(io.chatda.server.core.QueryText.cut("  short  ")).isEqualTo("short");
    }

    @Test
    void topicsAreLinksToTheirSearch() {
        var hit = new ResultsView.Hit("https://example.com/a", "A", "text <mark>a</mark>", List.of("운영체제", "<i>x</i>"));
        ResultsView view = new ResultsView("a", 1, 1, 10, 1, List.of(hit), Optional.empty(), false, 1);

        Document doc = Jsoup.parse(renderer.results(view));

        assertThat(doc.select("ul.topics a").eachText()).containsExactly("운영체제", "<i>x</i>");
        assertThat(doc.selectFirst("ul.topics a").attr("href"))
                .isEqualTo("/search?q=%EC%9A%B4%EC%98%81%EC%B2%B4%EC%A0%9C");
        assertThat(doc.select("ul.topics i, p.did-you-mean")).isEmpty();
    }

    @Test
    void snippetsKeepOnlyTheirMarks() {
        assertThat(ResultsRenderer.cleanSnippet(
                        "a &lt;script&gt; <mark>b</mark> <script>x()</script><img src=x onerror=y>"))
                .isEqualTo("a &lt;script&gt; <mark>b</mark> ");
        assertThat(ResultsRenderer.cleanSnippet(null)).isEmpty();
    }

    @Test
    void theViewTakesDidYouMeanCorrectionAndTopicsFromTheSearchResults() {
        var hit = new SearchHit("https://example.com/a", "A", "a", "demo", 1f, List.of("os", " "), "");
        ResultsView corrected =
                ResultsView.of(new SearchResults("교착상테", 1, 1, 10, 1500, List.of(hit), "교착상태", true), 100);
        ResultsView plain = ResultsView.of(new SearchResults("q", 0, 1, 10, 1500, List.of(), "", false), 100);

        assertThat(corrected.didYouMean()).contains("교착상태");
        assertThat(corrected.corrected()).isTrue();
        assertThat(corrected.hits())
                .singleElement()
                .satisfies(h -> assertThat(h.topics()).containsExactly("os"));
        assertThat(corrected.tookMs()).isEqualTo(1.5);
        assertThat(plain.didYouMean()).isEmpty();
        assertThat(plain.corrected()).isFalse();
    }

    @Test
    void urlsReadAsBreadcrumbs() {
        assertThat(ReadableUrl.crumbs("https://www.example.com/a/b/c/d/page.html#part"))
                .containsExactly("example.com", "…", "d", "page.html", "#part");
        assertThat(ReadableUrl.crumbs("file:///home/me/notes/%ED%95%9C%EA%B8%80.md#slug"))
                .containsExactly("file", "…", "notes", "한글.md", "#slug");
        assertThat(ReadableUrl.crumbs("not a url")).containsExactly("not a url");
        assertThat(ReadableUrl.linkable("HTTPS://example.com")).isTrue();
        assertThat(ReadableUrl.linkable("javascript:alert(1)")).isFalse();
        assertThat(ReadableUrl.linkable("data:text/html,x")).isFalse();
    }
}
