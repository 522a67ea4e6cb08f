package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A hostile page cannot make the extractor's links grow with the square of its size: jsoup re-opens an
 * {@code <a href>} in every following paragraph, and each relative link repeats a long {@code <base href>}.
 */
class LinkBudgetTest {

    private final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void reopenedAnchorsUnderALongBaseStayWithinThePagesLinkBudget() {
        String base = "http://example.org/" + "b".repeat(1_900) + "/";
        StringBuilder html = new StringBuilder("<html><head><base href=\"" + base + "\"></head><body>");
        html.append("<p><a href=\"x\">first");
        for (int i = 0; i < 5_000; i++) {
            html.append("<p>y");
        }
        String page = html.toString();
        var links = extractor.extract(page, "http://example.org/").links();

        long chars = links.stream()
                .mapToLong(l -> l.url().length() + l.anchorText().length())
                .sum();
        assertThat(chars).isLessThanOrEqualTo(HtmlExtractor.MAX_LINK_CHARS);
        assertThat(links).hasSizeLessThanOrEqualTo(HtmlExtractor.MAX_LINKS);
        assertThat(links.get(0).url()).isEqualTo(base + "x");
        assertThat(links.get(0).anchorText()).isEqualTo("first");
    }

    @Test
    void aLinkLongerThanAnyServerTakesIsDroppedAndTheOthersKept() {
        String longPath = "a".repeat(HtmlExtractor.MAX_URL_CHARS);
        var links = extractor
                .extract("<a href=\"/" + longPath + "\">long</a> <a href=\"/short\">short</a>", "http://example.org/")
                .links();
        assertThat(links).extracting(SourceDocument.Link::url).containsExactly("http://example.org/short");
    }

    @Test
    void manyOrdinaryLinksAreAllKept() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            html.append("<li><a href=\"/page/")
                    .append(i)
                    .append("\">page ")
                    .append(i)
                    .append("</a>");
        }
        assertThat(extractor.extract(html.toString(), "http://example.org/").links())
                .hasSize(3_000);
    }
}
