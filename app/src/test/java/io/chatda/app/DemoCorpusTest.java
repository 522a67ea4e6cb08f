package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCorpusTest {

    private static final Path SOURCE = Path.of("src/main/resources/demo-corpus");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)]+\\.md)\\)");

    @TempDir
    Path dir;

    @Test
    void manifestListsEveryPageAndPagesAreWellFormed() throws IOException {
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.list(SOURCE)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md"))
                    .forEach(onDisk::add);
        }
        List<String> manifest = Files.readAllLines(SOURCE.resolve("MANIFEST")).stream()
                .filter(l -> !l.isBlank())
                .toList();

        assertThat(manifest).hasSizeGreaterThanOrEqualTo(80).doesNotHaveDuplicates();
        assertThat(Set.copyOf(manifest)).isEqualTo(onDisk);
        int korean = 0;
        int english = 0;
        for (String name : manifest) {
            String text = Files.readString(SOURCE.resolve(name));
            assertThat(text).as(name).startsWith("# ");
            assertThat(text.lines().filter(l -> l.startsWith("# "))).as(name).hasSize(1);
            assertThat(text.lines().filter(l -> l.startsWith("## "))).as(name).hasSizeGreaterThanOrEqualTo(3);
            Matcher links = LINK.matcher(text);
            int linkCount = 0;
            while (links.find()) {
                assertThat(onDisk).as(name + " links to " + links.group(1)).contains(links.group(1));
                linkCount++;
            }
            assertThat(linkCount).as(name).isGreaterThanOrEqualTo(2);
            switch (io.chatda.crawl.Language.detect(text)) {
                case io.chatda.crawl.Language.ENGLISH -> english++;
                case io.chatda.crawl.Language.KOREAN -> korean++;
                default -> {}
            }
        }
        assertThat(korean).isGreaterThan(20);
        assertThat(english).isGreaterThan(20);
    }

    @Test
    void importsOnceAndAgainOnlyWhenTheCorpusChanges() {
        DataDirectory data = new DataDirectory(dir).create();
        DemoCorpus corpus = DemoCorpus.bundled();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        try (Library library = Library.open(data)) {
            assertThat(corpus.importInto(library, data, quiet, quiet)).isTrue();
            assertThat(library.index().size()).isEqualTo(corpus.size());
            assertThat(corpus.importInto(library, data, quiet, quiet)).isFalse();
            assertThat(library.index().search("교착상태", 1, 1).hits().get(0).url()).endsWith("/deadlock.md");
            assertThat(library.index().search("deadlock", 1, 1).hits().get(0).url())
                    .endsWith("/deadlock.md");
            var suggestions = library.suggester().suggest("교", 10);
            assertThat(suggestions)
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(s.text()).matches("(?s)(^|.*\\s)교.*"));
            assertThat(suggestions.get(0).text()).startsWith("교착상태");
        }
    }
}
