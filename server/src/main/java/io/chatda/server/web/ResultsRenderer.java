package io.chatda.server.web;

import io.chatda.server.core.QueryText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Renders results pages from the {@code results.html} template with jsoup's element API, so every
 * crawled title, URL and topic lands in the page as text, escaped by construction. Snippets arrive as
 * escaped HTML with {@code <mark>}; they are cleaned down to text and {@code <mark>} all the same.
 */
final class ResultsRenderer {

    private static final Safelist SNIPPET = Safelist.none().addTags("mark");
    private static final int PAGE_LINKS_EACH_SIDE = 4;

    private final Document template;

    ResultsRenderer() {
        try (InputStream in =
                ResultsRenderer.class.getClassLoader().getResourceAsStream(WebPages.ROOT + "/results.html")) {
            if (in == null) {
                throw new IllegalStateException("results.html is missing from the class path");
            }
            template = Jsoup.parse(in, "UTF-8", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        template.outputSettings().prettyPrint(false);
    }

    /** A complete results page. */
    String results(ResultsView view) {
        return results(view, Optional.empty());
    }

    /** A complete results page with a notice above the results (such as a query cut to the limit). */
    String results(ResultsView view, Optional<String> notice) {
        Document page = page(view.query());
        Element main = page.getElementById("main");
        notice.ifPresent(text -> main.appendElement("p")
                .addClass("notice")
                .attr("role", "status")
                .text(text));
        view.didYouMean().ifPresent(suggested -> {
            Element p = main.appendElement("p").addClass("did-you-mean");
            if (view.corrected()) {
                p.appendText("‘" + view.query() + "’에 대한 결과가 없어 ");
                p.appendElement("a").attr("href", searchHref(suggested, 1)).text(suggested);
                p.appendText(" 검색결과를 보여 드립니다. ");
                p.appendElement("a")
                        .addClass("original")
                        .attr("href", searchHref(view.query(), 1) + "&fix=0")
                        .text("‘" + view.query() + "’(으)로 검색");
            } else {
                p.appendText("이것을 찾으셨나요? ");
                p.appendElement("a").attr("href", searchHref(suggested, 1)).text(suggested);
            }
        });
        if (view.hits().isEmpty()) {
            empty(main, view);
        } else {
            main.appendElement("h1").addClass("visually-hidden").text("‘" + view.query() + "’ 검색결과");
            main.appendElement("p").addClass("summary").attr("id", "summary").text(summary(view));
            String highlight = view.corrected() ? view.didYouMean().orElse(view.query()) : view.query();
            Element list = main.appendElement("ol").addClass("results").attr("start", Long.toString(view.firstRank()));
            for (ResultsView.Hit hit : view.hits()) {
                hit(list.appendElement("li").addClass("result"), hit, highlight);
            }
            pagination(main, view);
        }
        return page.outerHtml();
    }

    /** The page for an address that names nothing here. */
    String notFound(String message) {
        Document page = page("");
        page.title("찾을 수 없는 페이지 – chatda");
        Element section = page.getElementById("main").appendElement("section").addClass("empty");
        section.appendElement("h1").text("페이지를 찾을 수 없습니다");
        section.appendElement("p").text(message);
        section.appendElement("p").appendElement("a").attr("href", "/").text("검색 첫 화면으로");
        return page.outerHtml();
    }

    /** The page for a request that can't be answered, with the reason. */
    String error(String typed, String message) {
        Document page = page(typed.length() > QueryText.MAX_LENGTH ? typed.substring(0, QueryText.MAX_LENGTH) : typed);
        page.title("검색할 수 없는 요청 – chatda");
        Element section = page.getElementById("main").appendElement("section").addClass("empty");
        section.appendElement("h1").text("검색할 수 없는 요청입니다");
        section.appendElement("p").text(message);
        return page.outerHtml();
    }

    /** An empty page of this site (header, search box holding {@code query}, empty {@code #main}). */
    Document page(String query) {
        Document page = template.clone();
        if (!query.isEmpty()) {
            page.title(query + " – chatda 검색");
        }
        page.getElementById("q").attr("value", query);
        return page;
    }

    /**
     * One result: a web page's title links to the page itself, with a "저장된 페이지" link to its view here;
     * an imported file's title links to its view (a browser won't open {@code file:} links from a web page).
     */
    private static void hit(Element item, ResultsView.Hit hit, String query) {
        Element heading = item.appendElement("h2");
        String title = hit.title() == null || hit.title().isBlank() ? hit.url() : hit.title();
        String view = DocumentIds.href(hit.url(), query, viewFragment(hit.url()));
        boolean web = DocumentRenderer.web(hit.url()) && ReadableUrl.linkable(hit.url());
        if (web) {
            heading.appendElement("a").attr("href", hit.url()).text(title);
        } else if (ReadableUrl.linkable(hit.url())) {
            heading.appendElement("a").attr("href", view).text(title);
        } else {
            heading.text(title);
        }
        Element crumbs = item.appendElement("div").addClass("crumbs").attr("title", hit.url());
        for (String crumb : ReadableUrl.crumbs(hit.url())) {
            crumbs.appendElement("span").text(crumb);
        }
        if (web) {
            crumbs.appendElement("a").addClass("cached").attr("href", view).text("저장된 페이지");
        }
        item.appendElement("p").addClass("snippet").html(cleanSnippet(hit.snippetHtml()));
        if (!hit.topics().isEmpty()) {
            Element topics = item.appendElement("ul").addClass("topics").attr("aria-label", "주제");
            for (String topic : hit.topics()) {
                topics.appendElement("li")
                        .appendElement("a")
                        .attr("href", searchHref(topic, 1))
                        .text(topic);
            }
        }
    }

    /** Where a view opens: a section document at its heading, anything else at its first match. */
    private static String viewFragment(String url) {
        int hash = url.indexOf('#');
        return hash >= 0 && hash < url.length() - 1 ? url.substring(hash + 1) : DocumentRenderer.MATCH;
    }

    static String cleanSnippet(String snippetHtml) {
        if (snippetHtml == null) {
            return "";
        }
        return Jsoup.clean(snippetHtml, "", SNIPPET, new Document.OutputSettings().prettyPrint(false));
    }

    private static String summary(ResultsView view) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.KOREA);
        long last = view.firstRank() + view.hits().size() - 1;
        String range = view.page() > 1 ? n.format(view.firstRank()) + "–" + n.format(last) + "번째, " : "";
        return "검색결과 " + n.format(view.total()) + "건 (" + range + String.format(Locale.ROOT, "%.1f", view.tookMs())
                + " ms)";
    }

    private static void empty(Element main, ResultsView view) {
        Element section = main.appendElement("section").addClass("empty");
        if (view.total() > 0) {
            section.appendElement("h1").text(view.page() + "페이지에는 결과가 없습니다.");
            section.appendElement("p")
                    .appendElement("a")
                    .attr("href", searchHref(view.query(), 1))
                    .text("‘" + view.query() + "’ 검색결과 첫 페이지로");
            return;
        }
        section.appendElement("h1").text("‘" + view.query() + "’에 대한 검색결과가 없습니다.");
        Element tips = section.appendElement("ul");
        for (String tip : List.of(
                "단어의 철자가 맞는지 확인해 보세요.",
                "한/영 전환 없이 입력했는지 확인해 보세요. 예: rjator → 검색",
                "단어 수를 줄이거나 더 일반적인 단어로 검색해 보세요.",
                "따옴표(\"…\"), -제외어, site: 조건을 빼고 검색해 보세요.")) {
            tips.appendElement("li").text(tip);
        }
    }

    private static void pagination(Element main, ResultsView view) {
        if (view.lastPage() <= 1) {
            return;
        }
        Element nav = main.appendElement("nav").addClass("pages").attr("aria-label", "검색결과 페이지");
        int current = view.page();
        if (current > 1) {
            nav.appendElement("a")
                    .attr("href", searchHref(view.query(), current - 1))
                    .attr("rel", "prev")
                    .text("‹ 이전");
        }
        int from = Math.max(1, current - PAGE_LINKS_EACH_SIDE);
        int to = Math.min(view.lastPage(), current + PAGE_LINKS_EACH_SIDE);
        for (int p = from; p <= to; p++) {
            if (p == current) {
                nav.appendElement("span").attr("aria-current", "page").text(Integer.toString(p));
            } else {
                // the visible number is the name; the nav's label says what the numbers are
                nav.appendElement("a").attr("href", searchHref(view.query(), p)).text(Integer.toString(p));
            }
        }
        if (current < view.lastPage()) {
            nav.appendElement("a")
                    .attr("href", searchHref(view.query(), current + 1))
                    .attr("rel", "next")
                    .text("다음 ›");
        }
    }

    static String searchHref(String query, int page) {
        String href = "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        return page > 1 ? href + "&page=" + page : href;
    }
}
