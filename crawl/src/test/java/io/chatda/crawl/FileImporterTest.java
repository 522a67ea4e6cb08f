package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImporterTest {

    private final FileImporter importer = new FileImporter(new HtmlExtractor());

    @TempDir
    Path dir;

    @Test
    void markdownWithSeveralTopLevelSectionsBecomesOneDocumentPerSection() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.md"), """
                # 교착상태

                두 스레드가 서로의 락을 기다린다.

                ## 네 가지 조건

                상호 배제, 점유 대기, 비선점, 순환 대기.

                ---

                # Garbage collection

                The runtime frees unreachable objects. See [deadlock](other.md).

                ---
                """);

        List<SourceDocument> docs = importer.read(notes, "notes");

        assertThat(docs).extracting(SourceDocument::title).containsExactly("교착상태", "Garbage collection");
        SourceDocument first = docs.get(0);
        assertThat(first.url()).endsWith("notes.md#교착상태");
        assertThat(first.headings()).containsExactly("네 가지 조건");
        assertThat(first.body()).contains("상호 배제").doesNotContain("Garbage");
        assertThat(first.language()).isEqualTo(Language.KOREAN);
        SourceDocument second = docs.get(1);
        assertThat(second.url()).endsWith("notes.md#garbage-collection");
        assertThat(second.links())
                .singleElement()
                .satisfies(l -> assertThat(l.url()).endsWith("/other.md"))
                .satisfies(l -> assertThat(l.anchorText()).isEqualTo("deadlock"));
        assertThat(second.language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void markdownWithOneSectionKeepsTheFileUrl() throws Exception {
        Path page = Files.writeString(dir.resolve("page.md"), "# Only\n\ntext <script>alert(1)</script>\n");

        List<SourceDocument> docs = importer.read(page, "s");

        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.url()).endsWith("page.md").doesNotContain("#");
            assertThat(d.title()).isEqualTo("Only");
            assertThat(d.body()).contains("<script>alert(1)</script>");
        });
    }

    @Test
    void htmlAndTextFilesAreRead() throws Exception {
        Files.writeString(
                dir.resolve("a.html"),
                "<html><head><title>HTML page</title></head><body><nav>menu</nav><h2>Part</h2><p>Body text</p></body></html>");
        Files.writeString(dir.resolve("b.txt"), "Plain title\nfirst line\nsecond line\n");
        Files.writeString(dir.resolve("c.pdf"), "ignored");

        List<Path> files = importer.files(dir);

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a.html", "b.txt");
        SourceDocument html = importer.read(files.get(0), "s").get(0);
        assertThat(html.title()).isEqualTo("HTML page");
        assertThat(html.headings()).containsExactly("Part");
        assertThat(html.body()).contains("Body text").doesNotContain("menu");
        SourceDocument text = importer.read(files.get(1), "s").get(0);
        assertThat(text.title()).isEqualTo("Plain title");
        assertThat(text.body()).isEqualTo("first line second line");
    }

    @Test
    void badInputIsASpecificError() throws Exception {
        assertThatThrownBy(() -> importer.files(dir.resolve("missing")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no such file");
        Path pdf = Files.writeString(dir.resolve("x.pdf"), "x");
        assertThatThrownBy(() -> importer.files(pdf))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("unsupported");
        Path latin1 = Files.write(dir.resolve("bad.md"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> importer.read(latin1, "s"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void linkListsFollowTheMainTextAfterTheMarkerAndTheViewKeepsTheStructure() throws Exception {
        Path page = Files.writeString(dir.resolve("page.md"), """
                # 교착상태

                두 스레드가 서로의 락을 기다리는 상태입니다.

                ## 관련 문서

                - [이벤트 루프](event-loop.md)
                - [Closures](closures.md)

                마지막 문단입니다.
                """);

        SourceDocument doc = importer.read(page, "s").get(0);

        String body = doc.body();
        int marker = body.indexOf(HtmlExtractor.LINK_LISTS);
        assertThat(marker).isPositive();
        assertThat(body.substring(0, marker))
                .contains("락을 기다리는", "관련 문서", "마지막 문단")
                .doesNotContain("Closures");
        assertThat(body.substring(marker + 1)).contains("이벤트 루프", "Closures");
        assertThat(doc.html()).contains("<h1>교착상태</h1>", "<h2>관련 문서</h2>", "event-loop.md\">이벤트 루프</a></li>");
    }

    @Test
    void theViewOfHostileHtmlHasNoScriptHandlersOrScriptLinks() throws Exception {
        Path page = Files.writeString(dir.resolve("evil.html"), """
                <html><body><h1 onclick="alert(1)">Evil</h1><script>alert(2)</script>
                <p>text <a href="javascript:alert(3)">js</a> <a href="data:text/html,x">data</a>
                <img src=x onerror=alert(4)><a href="https://example.com/">ok</a></p></body></html>
                """);

        String html = importer.read(page, "s").get(0).html();

        assertThat(html)
                .contains("Evil", "https://example.com/")
                .doesNotContain("script", "onclick", "onerror", "javascript:", "data:", "<img");
    }

    @Test
    void plainTextKeepsItsParagraphsInTheView() throws Exception {
        Path page = Files.writeString(dir.resolve("t.txt"), "Title\n\nfirst <b>para</b>\n\nsecond\n");
        assertThat(importer.read(page, "s").get(0).html())
                .isEqualTo("<p>first &lt;b&gt;para&lt;/b&gt;</p>\n<p>second</p>\n");
    }
}
