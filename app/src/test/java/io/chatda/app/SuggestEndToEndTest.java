package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.suggest.Suggestion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typing 검색엔진 one input-method state at a time against the demo corpus, through the real import and index. */
class SuggestEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void everyImeStateFromGeomSReachesTheSearchEnginePage() {
        DataDirectory data = new DataDirectory(dir).create();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        try (Library library = Library.open(data)) {
            DemoCorpus.bundled().importInto(library, data, quiet, quiet);
            for (String typed : List.of("검ㅅ", "검새", "검색", "검색ㅇ", "검색에", "검색엔", "검색엔ㅈ", "검색엔지", "검색엔진")) {
                List<Suggestion> top = library.suggester().suggest(typed, 10);
                assertThat(top)
                        .as(typed + " -> " + top)
                        .anySatisfy(s -> assertThat(s.url().endsWith("/search-engine.md")
                                        || s.text().startsWith("검색엔진"))
                                .isTrue());
            }
            assertThat(library.suggester().suggest("ㄱㅅㅇㅈ", 10))
                    .extracting(Suggestion::text)
                    .anyMatch(t -> t.startsWith("검색엔진"));
            assertThat(library.suggester().suggest("rjatordpswls", 10))
                    .extracting(Suggestion::text)
                    .anyMatch(t -> t.startsWith("검색엔진"));
        }
    }

    @Test
    void searchesChangeTheSuggestionsAfterARebuildAndSurviveARestart() {
        DataDirectory data = new DataDirectory(dir).create();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        try (Library library = Library.open(data)) {
            DemoCorpus.bundled().importInto(library, data, quiet, quiet);
            for (int i = 0; i < 20; i++) {
                library.search("교착상태 회피", 1, 10);
            }
            assertThat(library.search("zzqxv", 1, 10).totalHits()).isZero();
            library.search("zzqxv", 1, 10);
            library.rebuildSuggestions();
            assertThat(library.suggester().suggest("교ㅊ", 10).get(0).text()).isEqualTo("교착상태 회피");
            assertThat(library.suggester().suggest("zzq", 10)).isEmpty();
        }
        try (Library reopened = Library.open(data)) {
            assertThat(reopened.suggester().suggest("교ㅊ", 10).get(0).text()).isEqualTo("교착상태 회피");
        }
    }

    @Test
    void whatPeopleSearchOutranksWhatTheCorpusMerelyContains() {
        DataDirectory data = new DataDirectory(dir).create();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        try (Library library = Library.open(data)) {
            DemoCorpus.bundled().importInto(library, data, quiet, quiet);
            assertThat(library.suggester().suggest("데이", 10).get(0).text()).isNotEqualTo("데이터 파이프라인");
            library.search("데이터 파이프라인", 1, 10);
            library.rebuildSuggestions();
            Suggestion top = library.suggester().suggest("데이", 10).get(0);
            assertThat(top.text()).isEqualTo("데이터 파이프라인");
            assertThat(top.kind()).isEqualTo(io.chatda.suggest.SuggestEntry.Kind.QUERY);
        }
    }
}
