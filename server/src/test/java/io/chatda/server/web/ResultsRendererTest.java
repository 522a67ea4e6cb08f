package io.chatda.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Rendering of the parts the search module adds over time: did-you-mean and topics. */
class ResultsRendererTest {

    private final ResultsRenderer renderer = new ResultsRenderer();

    /** Shaped like the search module's records once they carry these components. */
    record FutureResults(String query, Optional<String> didYouMean, boolean corrected) {
    }

    record FutureHit(String url, List<String> topics) {
    }

    record PlainHit(String url) {
    }

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

        assertThat(doc.selectFirst("p.did-you-mean").text()).isEqualTo("‘rjator’에 대한 결과가 없어 검색 검색결과를 보여 드립니다.");
        assertThat(doc.selectFirst("p.did-you-mean a").attr("href")).isEqualTo("/search?q=%EA%B2%80%EC%83%89");
        assertThat(doc.select("ol.results > li")).hasSize(1);
    }

    @Test
    void topicsAreLinksToTheirSearch() {
        var hit = new ResultsView.Hit("https://example.com/a", "A", "text <mark>a</mark>", List.of("운영체제", "<i>x</i>"));
        ResultsView view = new ResultsView("a", 1, 1, 10, 1, List.of(hit), Optional.empty(), false, 1);

        Document doc = Jsoup.parse(renderer.results(view));

        assertThat(doc.select("ul.topics a").eachText()).containsExactly("운영체제", "<i>x</i>");
        assertThat(doc.selectFirst("ul.topics a").attr("href")).isEqualTo("/search?q=%EC%9A%B4%EC%98%81%EC%B2%B4%EC%A0%9C");
        assertThat(doc.select("ul.topics i, p.did-you-mean")).isEmpty();
    }

    @Test
    void snippetsKeepOnlyTheirMarks() {
        assertThat(ResultsRenderer.cleanSnippet("a &lt;script&gt; <mark>b</mark> <script>x()</script><img src=x onerror=y>"))
                .isEqualTo("a &lt;script&gt; <mark>b</mark> ");
        assertThat(ResultsRenderer.cleanSnippet(null)).isEmpty();
    }

    @Test
    void optionalComponentsAreReadWhenPresentAndEmptyWhenAbsent() {
        assertThat(OptionalComponents.text(new FutureResults("q", Optional.of("교착"), true), "didYouMean")).contains("교착");
        assertThat(OptionalComponents.text(new FutureResults("q", Optional.empty(), false), "didYouMean")).isEmpty();
        assertThat(OptionalComponents.text(new FutureResults("q", null, false), "didYouMean")).isEmpty();
        assertThat(OptionalComponents.flag(new FutureResults("q", Optional.empty(), true), "corrected")).isTrue();
        assertThat(OptionalComponents.flag(new PlainHit("u"), "corrected")).isFalse();
        assertThat(OptionalComponents.texts(new FutureHit("u", List.of("os", " ")), "topics")).containsExactly("os");
        assertThat(OptionalComponents.texts(new PlainHit("u"), "topics")).isEmpty();
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
