package io.chatda.crawl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.chatda.crawl.HtmlExtractor;
import io.chatda.crawl.SourceDocument;

/**
 * Fuzz target of the HTML extractor on fetched bytes (charset detection included): any input gives a page,
 * never an exception, and every part of it is bounded by the input: texts no longer than the input (the body
 * adds its link-list separator), no more headings or links than the input has bytes, each link no longer than
 * the input plus the page's address, and followable links among the links. Seeds:
 * {@code src/test/resources/io/chatda/crawl/fuzz/HtmlExtractorFuzzTestInputs/extractPage/}.
 */
class HtmlExtractorFuzzTest {

    private static final String URL = "https://example.org/docs/page.html";
    /** What escaping may make of one character in the sanitised HTML ({@code &nbsp;}), plus tags it closes. */
    private static final int HTML_GROWTH = 16;

    private final HtmlExtractor extractor = new HtmlExtractor();

    @FuzzTest
    void extractPage(@NotNull byte[] html) {
        HtmlExtractor.Page page = extractor.extractPage(html, null, URL, "chatda");

        int n = html.length;
        HtmlExtractor.Extracted content = page.content();
        assertThat(content.title().length()).isLessThanOrEqualTo(n);
        assertThat(content.body().length()).isLessThanOrEqualTo(n + 2);
        assertThat(content.headings())
                .hasSizeLessThanOrEqualTo(n)
                .allSatisfy(heading -> assertThat(heading.length()).isBetween(1, n));
        assertThat(content.html().length()).isLessThanOrEqualTo(HTML_GROWTH * n + 64);
        assertThat(content.links()).hasSizeLessThanOrEqualTo(n);
        for (SourceDocument.Link link : content.links()) {
            assertThat(link.url()).isNotEmpty().doesNotContain("#");
            assertThat(link.url().length()).isLessThanOrEqualTo(n + URL.length());
            assertThat(link.anchorText().length()).isLessThanOrEqualTo(n);
        }
        assertThat(content.links()).containsAll(page.followable());
        assertThat(page.followable()).allSatisfy(link -> assertThat(link.url()).startsWith("http"));
        assertThat(page.language()).isIn("ko", "en", "mixed");
    }
}
