package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Links are resolved once per page's base URL, with exactly jsoup's {@code absUrl} results. */
class LinkResolutionTest {

    private static final List<String> HREFS = List.of(
            "?q=1",
            "./a.html",
            "../b/",
            "//other.example/x",
            "/root",
            "mailto:someone@example.com",
            "javascript:void(0)",
            " spaced.html ",
            "tab\tbed\n.html",
            "#top",
            "HTTP://EXAMPLE.com/A",
            "tel:123",
            "a b.html",
            "..",
            ".",
            "c.html?x=1#f",
            "http://[bad",
            "%zz",
            "https://example.com:8443/p",
            "data:text/plain,hi",
            "\u0001ctl.html");

    @Test
    void sameAsJsoupAbsUrl() {
        for (String base :
                List.of("http://example.com/dir/page.html", "http://example.com", "https://example.com/a/b/")) {
            for (String baseHref : new String[] {null, "http://base.example/sub/", "relative/"}) {
                StringBuilder html = new StringBuilder("<html><head>");
                if (baseHref != null) {
                    html.append("<base href=\"").append(baseHref).append("\">");
                }
                html.append("</head><body>");
                for (String href : HREFS) {
                    html.append("<a href=\"")
                            .append(href.replace("\"", "&quot;"))
                            .append("\">x</a>");
                }
                html.append("</body></html>");
                List<String> expected = Jsoup.parse(html.toString(), base).select("a[href]").stream()
                        .map(a -> a.absUrl("href"))
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.indexOf('#') < 0 ? h : h.substring(0, h.indexOf('#')))
                        .toList();
                List<String> actual = new HtmlExtractor()
                        .extract(html.toString(), base).links().stream()
                                .map(SourceDocument.Link::url)
                                .toList();
                assertThat(actual).as("base %s, <base href=%s>", base, baseHref).isEqualTo(expected);
            }
        }
    }
}
