package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PublishedLocationTest {

    private final Path root = Path.of("/srv/notes");

    @Test
    void aFileUnderTheRootMapsToTheBasePlusItsRelativePathAndKeepsItsSection() {
        PublishedLocation at = PublishedLocation.of(root, "https://docs.example.com/notes");
        assertThat(at.urlOf(root.resolve("os/교착 상태.md"), "file:///srv/notes/os/x.md#네-가지-조건"))
                .isEqualTo("https://docs.example.com/notes/os/%EA%B5%90%EC%B0%A9%20%EC%83%81%ED%83%9C.md#네-가지-조건");
        assertThat(PublishedLocation.of(root, "https://docs.example.com/notes/")
                        .urlOf(root.resolve("a.md"), "file:///a.md"))
                .isEqualTo("https://docs.example.com/notes/a.md");
    }

    @Test
    void aSingleImportedFileMapsToTheBaseItself() {
        Path file = Path.of("/srv/page.html");
        assertThat(PublishedLocation.of(file, "https://example.com/page").urlOf(file, "file:///srv/page.html"))
                .isEqualTo("https://example.com/page");
    }

    @Test
    void onlyHttpBasesWithoutQueryOrFragmentAreAccepted() {
        for (String bad : new String[] {
            "javascript:alert(1)",
            "ftp://example.com/",
            "https://example.com/?a=1",
            "https://example.com/#x",
            "not a url",
            "/relative"
        }) {
            assertThatThrownBy(() -> PublishedLocation.of(root, bad))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("--base-url");
        }
    }
}
