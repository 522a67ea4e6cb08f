package io.chatda.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.server.ChatdaServer;
import io.chatda.server.ServerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-rendered page end to end: a real server on a random port, real Lucene, an HTTP/2 client. */
class WebPagesTest {

    private static final String HOSTILE_TITLE = "<script>alert(1)</script><img src=x onerror=alert(2)> 교착";

    @TempDir
    static Path dir;
    private static SearchIndex index;
    private static ChatdaServer server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        index = SearchIndex.open(dir);
        index.upsert(new SearchDocument("https://www.example.com/os/concurrency/deadlock.html", "교착상태 (Deadlock)",
                List.of("발생 조건"), "교착상태는 둘 이상의 프로세스가 서로의 자원을 기다리는 상태다.", "demo", "ko"));
        index.upsert(new SearchDocument("file:///notes/hostile.html", HOSTILE_TITLE, List.of(),
                "적대적인 제목을 가진 문서. onerror 속성은 실행되면 안 된다.", "notes", "ko"));
        index.upsert(new SearchDocument("javascript:alert(3)", "링크가 되면 안 되는 주소", List.of(),
                "스킴 검사 문서", "notes", "ko"));
        for (int i = 1; i <= 25; i++) {
            index.upsert(new SearchDocument("https://example.com/page/" + i, "페이지 번호 " + i, List.of(),
                    "여러 페이지로 나뉘는 결과 " + i, "demo", "ko"));
        }
        index.commit(Map.of());
        // the server-rendered page never asks for suggestions; the browser suite covers them
        server = new ChatdaServer(ServerSettings.onPort(0), index, () -> null);
        server.start();
        client = WebClient.of("h2c://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
    }

    private static AggregatedHttpResponse get(String pathAndQuery) {
        return client.get(pathAndQuery).aggregate().join();
    }

    private static Document page(String pathAndQuery) {
        AggregatedHttpResponse res = get(pathAndQuery);
        assertThat(res.status().code()).as(pathAndQuery).isEqualTo(200);
        assertThat(res.contentType()).hasToString("text/html; charset=utf-8");
        return Jsoup.parse(res.contentUtf8());
    }

    @Test
    void resultsPageShowsLinkedTitleCrumbsHighlightedSnippetAndCount() {
        Document doc = page("/search?q=%EA%B5%90%EC%B0%A9%EC%83%81%ED%83%9C");

        Element first = doc.selectFirst("ol.results > li.result");
        assertThat(first.selectFirst("h2 > a").attr("href")).isEqualTo("https://www.example.com/os/concurrency/deadlock.html");
        assertThat(first.selectFirst("h2 > a").text()).isEqualTo("교착상태 (Deadlock)");
        assertThat(first.select(".crumbs > span").eachText()).containsExactly("example.com", "os", "concurrency", "deadlock.html");
        assertThat(first.select(".snippet mark").eachText()).contains("교착");
        assertThat(doc.selectFirst("#summary").text()).startsWith("검색결과 1건 (").endsWith(" ms)");
        assertThat(doc.title()).isEqualTo("교착상태 – chatda 검색");
        assertThat(doc.getElementById("q").val()).isEqualTo("교착상태");
        assertThat(doc.select("nav.pages")).isEmpty();
    }

    @Test
    void hostileTitleIsTextAndOnlyTheAppScriptLoads() {
        AggregatedHttpResponse res = get("/search?q=onerror");
        Document doc = Jsoup.parse(res.contentUtf8());

        assertThat(doc.select("ol.results h2").eachText()).contains(HOSTILE_TITLE);
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.selectFirst("script").attr("src")).isEqualTo("/static/app.js");
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(res.contentUtf8()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void onlyWebSchemesBecomeLinks() {
        Document doc = page("/search?q=%EC%8A%A4%ED%82%B4");

        Element heading = doc.selectFirst("ol.results h2");
        assertThat(heading.text()).isEqualTo("링크가 되면 안 되는 주소");
        assertThat(heading.select("a")).isEmpty();
        assertThat(doc.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    void paginationLinksNeighbouringPagesAndNumbersResultsOn() {
        Document doc = page("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80&page=2");

        assertThat(doc.select("ol.results > li")).hasSize(10);
        assertThat(doc.selectFirst("ol.results").attr("start")).isEqualTo("11");
        assertThat(doc.selectFirst("nav.pages [aria-current=page]").text()).isEqualTo("2");
        assertThat(doc.selectFirst("nav.pages a[rel=prev]").attr("href")).isEqualTo("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80");
        assertThat(doc.selectFirst("nav.pages a[rel=next]").attr("href")).isEqualTo("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80&page=3");
        assertThat(doc.select("nav.pages a:not([rel])").eachText()).containsExactly("1", "3");
        assertThat(doc.selectFirst("#summary").text()).startsWith("검색결과 25건 (11–20번째, ");

        Document last = page("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80&page=3");
        assertThat(last.select("ol.results > li")).hasSize(5);
        assertThat(last.select("nav.pages a[rel=next]")).isEmpty();
    }

    @Test
    void noResultsExplainsWhatToTry() {
        Document doc = page("/search?q=zzzxqv");

        assertThat(doc.selectFirst("section.empty h1").text()).isEqualTo("‘zzzxqv’에 대한 검색결과가 없습니다.");
        assertThat(doc.select("section.empty li")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(doc.select("ol.results")).isEmpty();

        Document beyond = page("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80&page=9");
        assertThat(beyond.selectFirst("section.empty a").attr("href")).isEqualTo("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80");
    }

    @Test
    void missingQuerySendsTheBrowserToTheSearchBox() {
        for (String path : List.of("/search", "/search?q=", "/search?q=+++")) {
            AggregatedHttpResponse res = get(path);
            assertThat(res.status().code()).as(path).isEqualTo(302);
            assertThat(res.headers().get("location")).as(path).isEqualTo("/");
        }
    }

    @Test
    void badInputIsA400PageThatSaysWhy() {
        AggregatedHttpResponse res = get("/search?q=x&page=abc");
        assertThat(res.status().code()).isEqualTo(400);
        assertThat(res.contentType()).hasToString("text/html; charset=utf-8");
        Document doc = Jsoup.parse(res.contentUtf8());
        assertThat(doc.selectFirst("section.empty p").text()).isEqualTo("page must be a number");
        assertThat(doc.getElementById("q").val()).isEqualTo("x");

        assertThat(get("/search?q=x&page=101").status().code()).isEqualTo(400);
        AggregatedHttpResponse tooLong = get("/search?q=" + "a".repeat(600));
        assertThat(tooLong.status().code()).isEqualTo(400);
        assertThat(tooLong.contentUtf8()).contains("longer than 512");

        AggregatedHttpResponse notUtf8 = get("/search?q=%FF%FE");
        assertThat(notUtf8.status().code()).isEqualTo(400);
        assertThat(Jsoup.parse(notUtf8.contentUtf8()).selectFirst("section.empty p").text())
                .isEqualTo("the query string is not valid UTF-8");
    }

    @Test
    void everyWebRouteSendsAContentSecurityPolicyWithoutInlineScript() {
        for (String path : List.of("/", "/search?q=deadlock", "/search?q=x&page=abc", "/static/app.js", "/static/style.css")) {
            AggregatedHttpResponse res = get(path);
            assertThat(res.status().code()).as(path).isIn(200, 400);
            String csp = res.headers().get("content-security-policy");
            assertThat(csp).as(path).contains("script-src 'self'").contains("default-src 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(res.headers().get("x-content-type-options")).as(path).isEqualTo("nosniff");
        }
        Document home = Jsoup.parse(get("/").contentUtf8());
        assertThat(home.getElementById("q").attr("role")).isEqualTo("combobox");
        assertThat(home.select("script")).allSatisfy(s -> assertThat(s.attr("src")).startsWith("/static/"));
        assertThat(home.select("[style]")).isEmpty();
    }

    @Test
    void pagesReferenceOnlyThisServer() {
        for (String path : List.of("/", "/search?q=deadlock")) {
            Document doc = Jsoup.parse(get(path).contentUtf8());
            assertThat(doc.select("script[src], link[href], img[src]"))
                    .allSatisfy(e -> assertThat(e.hasAttr("src") ? e.attr("src") : e.attr("href")).startsWith("/"));
        }
        assertThat(get("/static/style.css").contentUtf8()).doesNotContain("url(http").doesNotContain("@import");
        assertThat(get("/static/app.js").contentUtf8()).doesNotContain("http://").doesNotContain("https://");
    }
}
