package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.search.SearchDocument;
import io.chatda.search.SearchIndex;
import io.chatda.suggest.DictionarySnapshot;
import io.chatda.suggest.Suggestion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suggestion dictionary saved in the data directory: a restart loads it unless its inputs changed or it is damaged. */
class SavedSuggestionsTest {

    private static final List<String> PREFIXES = List.of("검ㅅ", "교착", "ㄱㅊㅅㅌ", "rjator", "dead", "엔진", "seach");

    @TempDir
    Path dir;

    private final PrintWriter quiet = new PrintWriter(new StringWriter());

    private void write(String name, String text) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs").resolve(name), text);
    }

    private static List<List<Suggestion>> answers(Library library) {
        List<List<Suggestion>> out = new ArrayList<>();
        for (String prefix : PREFIXES) {
            out.add(library.suggester().suggest(prefix, 10));
        }
        return out;
    }

    private DataDirectory importedData() throws IOException {
        write("engine.md", "# 검색엔진 만들기\n\n## 교착상태 피하기\n\n검색엔진은 색인을 만들고 교착상태를 피한다. 검색엔진의 색인.\n");
        write(
                "deadlock.md",
                "# Deadlock avoidance\n\n## Search engine locks\n\nA search engine avoids deadlock by ordering locks.\n");
        DataDirectory data = new DataDirectory(dir.resolve("data")).create();
        try (Library library = Library.open(data)) {
            library.importPaths(List.of(dir.resolve("docs")), "", Map.of(), quiet);
        }
        return data;
    }

    @Test
    void aRestartLoadsTheSavedDictionaryInsteadOfRebuildingIt() throws IOException {
        DataDirectory data = importedData();
        List<List<Suggestion>> before;
        try (Library library = Library.open(data)) {
            assertThat(library.dictionariesBuilt()).as("loaded, not built").isZero();
            before = answers(library);
            assertThat(before.get(0)).extracting(Suggestion::text).contains("검색엔진 만들기");
            assertThat(before.get(4)).extracting(Suggestion::text).contains("Deadlock avoidance");
        }
        try (Library library = Library.open(data)) {
            assertThat(library.dictionariesBuilt()).isZero();
            assertThat(answers(library)).isEqualTo(before);
        }
    }

    @Test
    void aLibraryOpenedForAnUpdateBuildsItsDictionaryOnlyAfterTheUpdate() throws IOException {
        DataDirectory data = importedData();
        Files.delete(SavedDictionaries.file(data));
        try (Library library = Library.openForUpdate(data)) {
            assertThat(library.dictionariesBuilt())
                    .as("neither loaded nor built at open")
                    .isZero();
            assertThat(library.suggester()).isNull();
            write("kernel.md", "# 커널 스케줄러\n\nThe kernel scheduler.\n");
            library.importPaths(List.of(dir.resolve("docs").resolve("kernel.md")), "", Map.of(), quiet);
            assertThat(library.dictionariesBuilt()).isEqualTo(1);
            assertThat(library.suggester().suggest("커널", 10))
                    .extracting(Suggestion::text)
                    .contains("커널 스케줄러");
        }
        try (Library library = Library.open(data)) {
            assertThat(library.dictionariesBuilt()).as("saved after the update").isZero();
        }
    }

    @Test
    void importingOrSearchingMakesTheSavedDictionaryStaleUntilItIsSavedAgain() throws IOException {
        DataDirectory data = importedData();
        try (Library library = Library.open(data)) {
            assertThat(library.search("색인 교착상태", 1, 10).totalHits()).isPositive();
        }
        try (Library library = Library.open(data)) {
            assertThat(library.dictionariesBuilt())
                    .as("the query log changed after the last build")
                    .isEqualTo(1);
            assertThat(library.suggester().suggest("색인 ㄱ", 10))
                    .extracting(Suggestion::text)
                    .contains("색인 교착상태");
        }
        try (Library library = Library.open(data)) {
            assertThat(library.dictionariesBuilt())
                    .as("saved by the rebuild at the last start")
                    .isZero();
            assertThat(library.suggester().suggest("색인 ㄱ", 10))
                    .extracting(Suggestion::text)
                    .contains("색인 교착상태");
            write("kernel.md", "# 커널 스케줄러\n\nThe kernel scheduler.\n");
            library.importPaths(List.of(dir.resolve("docs").resolve("kernel.md")), "", Map.of(), quiet);
            assertThat(library.dictionariesBuilt()).isEqualTo(1);
        }
        try (Library library = Library.open(data)) {
            assertThat(library.dictionariesBuilt()).as("saved after the import").isZero();
            assertThat(library.suggester().suggest("커널", 10))
                    .extracting(Suggestion::text)
                    .contains("커널 스케줄러");
        }
    }

    /** `chatda suggest` reads the index only (a server may hold the query log): the saved dictionary has the log. */
    @Test
    void theSuggestCommandAnswersFromTheSavedDictionaryWhileItDescribesTheIndex() throws IOException {
        DataDirectory data = importedData();
        try (Library library = Library.open(data)) {
            assertThat(library.search("색인 교착상태", 1, 10).totalHits()).isPositive();
            library.rebuildSuggestions();
        }

        assertThat(suggestCommand(data, "색인 ㄱ")).contains("query    색인 교착상태");

        try (SearchIndex index = SearchIndex.open(data.index())) { // changed, and no dictionary built since
            index.upsert(new SearchDocument("kernel.md", "커널 스케줄러", List.of(), "The kernel scheduler.", "", "mixed"));
            index.commit(index.commitData());
        }
        String afterChange = suggestCommand(data, "커널");
        assertThat(afterChange).contains("title    커널 스케줄러");
        assertThat(suggestCommand(data, "색인 ㄱ")).doesNotContain("색인 교착상태");
    }

    private static String suggestCommand(DataDirectory data, String typed) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "suggest",
                "--data",
                data.root().toString(),
                typed);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void aDamagedTruncatedOrForeignSnapshotIsRebuiltAndNothingElseIsLost() throws IOException {
        DataDirectory data = importedData();
        Path file = SavedDictionaries.file(data);
        List<List<Suggestion>> expected;
        int documents;
        try (Library library = Library.open(data)) {
            expected = answers(library);
            documents = library.index().size();
        }
        List<Path> others;
        try (var files = Files.walk(data.root())) {
            others = files.filter(p -> !p.startsWith(file.getParent())).sorted().toList();
        }
        long size = Files.size(file);
        List<Runnable> damages = List.of(
                () -> flip(file, size / 2),
                () -> flip(file, 9),
                () -> truncate(file, size - 5),
                () -> truncate(file, 0),
                () -> writeText(file, "not a dictionary"));
        for (Runnable damage : damages) {
            damage.run();
            try (Library library = Library.open(data)) {
                assertThat(library.dictionariesBuilt()).isEqualTo(1);
                assertThat(answers(library)).isEqualTo(expected);
                assertThat(library.index().size()).isEqualTo(documents);
            }
            try (var files = Files.walk(data.root())) {
                assertThat(files.filter(p -> !p.startsWith(file.getParent()))
                                .sorted()
                                .toList())
                        .containsAll(others);
            }
            assertThat(DictionarySnapshot.load(file).index().size())
                    .as("saved again whole")
                    .isPositive();
        }
        Files.delete(file);
        try (Library library = Library.open(data)) {
            assertThat(library.dictionariesBuilt()).isEqualTo(1);
            assertThat(answers(library)).isEqualTo(expected);
        }
    }

    private static void flip(Path file, long at) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x40);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void truncate(Path file, long length) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
