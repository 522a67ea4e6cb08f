package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.crawl.Slugs;
import org.junit.jupiter.api.Test;

/** The document view's markup the app gives the server is the crawl module's: its view safelist and slugs. */
class ViewMarkupTest {

    private final ViewMarkup markup = new ViewMarkup();

    @Test
    void cleaningKeepsContentAndDropsScriptHandlersImagesAndScriptLinks() {
        String clean = markup.clean(
                "<h2 onclick=\"x()\">제목</h2><script>alert(1)</script><p><em>본문</em>"
                        + "<img src=x onerror=y><a href=\"javascript:alert(2)\">js</a><a href=\"b.md\">옆 문서</a></p>",
                "file:///notes/a.md");

        assertThat(clean)
                .contains("<h2>제목</h2>", "<em>본문</em>", "옆 문서</a>")
                .containsPattern("href=\"file:/+notes/b\\.md\"")
                .doesNotContain("script", "onclick", "<img", "javascript:");
    }

    @Test
    void headingsGetTheSlugsImportedSectionsAreAddressedBy() {
        assertThat(markup.slug("콜백 지옥 (Callback Hell)"))
                .isEqualTo(Slugs.slug("콜백 지옥 (Callback Hell)"))
                .isEqualTo("콜백-지옥-callback-hell");
    }
}
