package io.chatda.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.server.ChatdaServer;
import io.chatda.server.ServedData;
import io.chatda.server.ServerSettings;
import io.chatda.server.core.DocumentStore;
import io.chatda.server.core.TestMarkup;
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
        index.upsert(new SearchDocument(
                "https://www.example.com/os/concurrency/deadlock.html",
                "교착상태 (Deadlock)",
                List.of("발생 조건"),
                "교착상태는 둘 이상의 프로세스가 서로의 자원을 기다리는 상태다.",
                "demo",
                "ko"));
        index.upsert(new SearchDocument(
                "file:///notes/hostile.html",
                HOSTILE_TITLE,
                List.of(),
                "적대적인 제목을 가진 문서. onerror 속성은 실행되면 안 된다.",
                "notes",
                "ko"));
        index.upsert(new SearchDocument("javascript:alert(3)", "링크가 되면 안 되는 주소", List.of(), "스킴 검사 문서", "notes", "ko"));
        for (int i = 1; i <= 25; i++) {
            index.upsert(new SearchDocument(
                    "https://example.com/page/" + i, "페이지 번호 " + i, List.of(), "여러 페이지로 나뉘는 결과 " + i, "demo", "ko"));
        }
        index.upsert(
                new SearchDocument(
                        "file:///notes/callbacks.md",
                        "콜백",
                        List.of("콜백 지옥", "관련 문서"),
                        "콜백은 나중에 호출되는 함수다. 콜백 지옥은 중첩이 깊어지는 문제다.",
                        "notes",
                        "ko",
                        List.of(),
                        List.of(),
                        "<h1>콜백</h1><p>콜백은 나중에 호출되는 함수다.</p><h2>콜백 지옥</h2><p>중첩이 깊어지는 <em>문제</em>다.</p>"
                                + "<h2>관련 문서</h2><ul><li><a href=\"file:/notes/locks.md#뮤텍스\">뮤텍스</a></li>"
                                + "<li><a href=\"https://example.org/x\">외부</a></li><li><a href=\"file:/notes/missing.md\">없음</a></li></ul>"));
        index.upsert(new SearchDocument(
                "file:///notes/locks.md#뮤텍스",
                "뮤텍스",
                List.of(),
                "한 번에 한 스레드만 들어가게 하는 락.",
                "notes",
                "ko",
                List.of(),
                List.of(),
                "<h1>뮤텍스</h1><p>한 번에 한 스레드만 들어가게 하는 락.</p>"));
        index.upsert(new SearchDocument(
                "file:///notes/evil.html",
                "evil",
                List.of(),
                "evilcanary 문서",
                "notes",
                "ko",
                List.of(),
                List.of(),
                "<h1 onclick=\"alert(1)\">evil</h1><script>alert(2)</script><style>p{}</style>"
                        + "<p>evilcanary <a href=\"javascript:alert(3)\">js</a> <a href=\"data:text/html,x\">data</a>"
                        + " <img src=x onerror=alert(4)><iframe src=\"https://example.org/\"></iframe>"
                        + "<form action=\"https://example.org/\"><input name=a></form></p>"));
        index.commit(Map.of());
        // the server-rendered page never asks for suggestions; the browser suite covers them
        server = new ChatdaServer(
                ServerSettings.onPort(0),
                ServedData.fixed(index, () -> null).withDocuments(DocumentStore.of(index), TestMarkup.INSTANCE));
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
        assertThat(first.selectFirst("h2 > a").attr("href"))
                .isEqualTo("https://www.example.com/os/concurrency/deadlock.html");
        assertThat(first.selectFirst("h2 > a").text()).isEqualTo("교착상태 (Deadlock)");
        assertThat(first.select(".crumbs > span").eachText())
                .containsExactly("example.com", "os", "concurrency", "deadlock.html");
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
        assertThat(doc.selectFirst("nav.pages a[rel=prev]").attr("href"))
                .isEqualTo("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80");
        assertThat(doc.selectFirst("nav.pages a[rel=next]").attr("href"))
                .isEqualTo("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80&page=3");
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
        assertThat(beyond.selectFirst("section.empty a").attr("href"))
                .isEqualTo("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80");
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

        AggregatedHttpResponse notUtf8 = get("/search?q=%FF%FE");
        assertThat(notUtf8.status().code()).isEqualTo(400);
        assertThat(Jsoup.parse(notUtf8.contentUtf8())
                        .selectFirst("section.empty p")
                        .text())
                .isEqualTo("the query string is not valid UTF-8");
    }

    @Test
    void everyWebRouteSendsAContentSecurityPolicyWithoutInlineScript() {
        for (String path :
                List.of("/", "/search?q=deadlock", "/search?q=x&page=abc", "/static/app.js", "/static/style.css")) {
            AggregatedHttpResponse res = get(path);
            assertThat(res.status().code()).as(path).isIn(200, 400);
            String csp = res.headers().get("content-security-policy");
            assertThat(csp)
                    .as(path)
                    .contains("script-src 'self'")
                    .contains("default-src 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(res.headers().get("x-content-type-options")).as(path).isEqualTo("nosniff");
        }
        Document home = Jsoup.parse(get("/").contentUtf8());
        assertThat(home.getElementById("q").attr("role")).isEqualTo("combobox");
        assertThat(home.select("script"))
                .allSatisfy(s -> assertThat(s.attr("src")).startsWith("/static/"));
        assertThat(home.select("[style]")).isEmpty();
    }

    @Test
    void pagesReferenceOnlyThisServer() {
        for (String path : List.of("/", "/search?q=deadlock")) {
            Document doc = Jsoup.parse(get(path).contentUtf8());
            assertThat(doc.select("script[src], link[href], img[src]"))
                    .allSatisfy(e -> assertThat(e.hasAttr("src") ? e.attr("src") : e.attr("href"))
                            .startsWith("/"));
        }
        assertThat(get("/static/style.css").contentUtf8())
                .doesNotContain("url(http")
                .doesNotContain("@import");
        assertThat(get("/static/app.js").contentUtf8())
                .doesNotContain("http://")
                .doesNotContain("https://");
    }

    private static String docPath(String url, String q) {
        return DocumentIds.href(url, q, null);
    }

    @Test
    void documentViewRendersTheStoredHtmlWithTheQueryHighlightedAndAMatchTarget() {
        AggregatedHttpResponse res = get(docPath("file:///notes/callbacks.md", "중첩 지옥"));
        assertThat(res.status().code()).isEqualTo(200);
        assertThat(res.headers().get("content-security-policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        Document doc = Jsoup.parse(res.contentUtf8());

        assertThat(doc.title()).isEqualTo("콜백 – chatda");
        assertThat(doc.select("h1").eachText()).containsExactly("콜백");
        assertThat(doc.select(".doc-body mark").eachText()).containsExactly("지옥", "중첩");
        // the match target opens the section of the first match
        Element match = doc.getElementById(DocumentRenderer.MATCH);
        assertThat(match.nextElementSibling().text()).isEqualTo("콜백 지옥");
        assertThat(doc.select(".doc-body h2").eachAttr("id")).containsExactly("콜백-지옥", "관련-문서");
        assertThat(doc.select(".doc-body em").eachText()).containsExactly("문제");
        // imported links lead to views, web links stay, links to nothing stored become text
        var links = doc.select(".doc-body li a");
        assertThat(links.get(0).attr("href")).isEqualTo(DocumentIds.href("file:///notes/locks.md#뮤텍스", "", null));
        assertThat(links.get(1).attr("href")).isEqualTo("https://example.org/x");
        assertThat(links.get(2).hasAttr("href")).isFalse();
        assertThat(doc.getElementById("q").val()).isEqualTo("중첩 지옥");
        assertThat(doc.selectFirst(".doc-source a").attr("href"))
                .isEqualTo("/search?q=%EC%A4%91%EC%B2%A9+%EC%A7%80%EC%98%A5");
    }

    @Test
    void aSectionDocumentsViewHasItsHeadingUnderItsFragment() {
        Document results = page("/search?q=%EB%AE%A4%ED%85%8D%EC%8A%A4");
        String href = results.selectFirst("ol.results h2 a").attr("href");
        assertThat(href).startsWith("/doc/").endsWith("#뮤텍스");

        Document doc = page(href.substring(0, href.indexOf('#')));
        assertThat(doc.getElementById("뮤텍스").tagName()).isEqualTo("h1");
    }

    @Test
    void aHostileDocumentsViewCarriesNoScriptHandlersOrScriptLinks() {
        Document doc = page(docPath("file:///notes/evil.html", "evilcanary"));

        assertThat(doc.select("script"))
                .singleElement()
                .satisfies(s -> assertThat(s.attr("src")).isEqualTo("/static/app.js"));
        assertThat(doc.select(".doc-body").select("style, img, iframe, form, input"))
                .isEmpty();
        assertThat(doc.select("[onclick], [onerror]")).isEmpty();
        assertThat(doc.select("a[href]").eachAttr("href"))
                .noneMatch(h -> h.startsWith("javascript:") || h.startsWith("data:"));
        assertThat(doc.select(".doc-body a").eachText()).contains("js", "data");
        assertThat(doc.select(".doc-body mark").eachText()).containsExactly("evilcanary");
    }

    @Test
    void aWebPageWithoutStoredHtmlShowsItsTextAndLinksToTheOriginal() {
        Document doc = page(docPath("https://www.example.com/os/concurrency/deadlock.html", ""));

        assertThat(doc.selectFirst("h1").text()).isEqualTo("교착상태 (Deadlock)");
        assertThat(doc.selectFirst(".doc-body p").text()).startsWith("교착상태는 둘 이상의");
        assertThat(doc.selectFirst(".doc-source a").attr("href"))
                .isEqualTo("https://www.example.com/os/concurrency/deadlock.html");
        assertThat(doc.getElementById(DocumentRenderer.MATCH)).isNull();

        Document matched = page(docPath("https://www.example.com/os/concurrency/deadlock.html", "교착상태"));
        assertThat(matched.body().child(0).id())
                .as("a match in the opening section opens the page at its top")
                .isEqualTo(DocumentRenderer.MATCH);
    }

    @Test
    void anIdThatNamesNoDocumentIsA404PageWithTheSecurityHeaders() {
        for (String path : List.of("/doc/" + DocumentIds.of("file:///nowhere.md"), "/doc/not!an!id", "/doc/_w")) {
            AggregatedHttpResponse res = get(path);
            assertThat(res.status().code()).as(path).isEqualTo(404);
            assertThat(res.contentType()).hasToString("text/html; charset=utf-8");
            assertThat(res.headers().get("content-security-policy"))
                    .as(path)
                    .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(Jsoup.parse(res.contentUtf8())
                            .selectFirst("section.empty h1")
                            .text())
                    .isEqualTo("페이지를 찾을 수 없습니다");
        }
    }

    @Test
    void anUnknownPathIsAnHtmlPageForABrowserAndJsonForEveryoneElse() {
        AggregatedHttpResponse browser = client.execute(com.linecorp.armeria.common.RequestHeaders.builder(
                                com.linecorp.armeria.common.HttpMethod.GET, "/nowhere")
                        .add("accept", "text/html,*/*;q=0.8")
                        .build())
                .aggregate()
                .join();
        assertThat(browser.status().code()).isEqualTo(404);
        assertThat(browser.contentType()).hasToString("text/html; charset=utf-8");
        assertThat(browser.headers().get("content-security-policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(browser.headers().get("permissions-policy")).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);
        assertThat(Jsoup.parse(browser.contentUtf8()).selectFirst("a[href=/]")).isNotNull();

        AggregatedHttpResponse api = get("/nowhere");
        assertThat(api.status().code()).isEqualTo(404);
        assertThat(api.contentType().subtype()).isEqualTo("json");
    }

    @Test
    void webRoutesSendAPermissionsPolicyAndStaticAssetsAreCacheable() {
        for (String path :
                List.of("/", "/search?q=deadlock", "/static/app.js", docPath("file:///notes/callbacks.md", ""))) {
            assertThat(get(path).headers().get("permissions-policy"))
                    .as(path)
                    .contains("camera=()")
                    .contains("geolocation=()");
        }
        for (String path : List.of("/static/app.js", "/static/style.css", "/static/favicon.svg")) {
            assertThat(get(path).headers().get("cache-control")).as(path).isEqualTo(WebPages.ASSET_CACHE_CONTROL);
        }
    }

    @Test
    void aQueryOverTheLimitIsCutAtAWordBoundarySearchedAndSaidSo() {
        String longQuery = "교착상태 " + "가나다라 ".repeat(150);
        Document doc =
                page("/search?q=" + java.net.URLEncoder.encode(longQuery, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(doc.selectFirst("p.notice").text())
                .startsWith("검색어가 너무 길어 앞부분 ")
                .contains("자까지만 검색했습니다");
        String searched = doc.getElementById("q").val();
        assertThat(searched.length()).isLessThanOrEqualTo(512);
        assertThat(longQuery).startsWith(searched);
        assertThat(searched).endsWith("가나다라");
    }

    @Test
    void paginationLinksAreNamedByTheirVisibleNumbers() {
        Document doc = page("/search?q=%ED%8E%98%EC%9D%B4%EC%A7%80");
        assertThat(doc.select("nav.pages a[aria-label]")).isEmpty();
        assertThat(doc.select("h1")).hasSize(1);
    }
}
