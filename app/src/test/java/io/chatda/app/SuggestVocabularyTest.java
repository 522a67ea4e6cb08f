package io.chatda.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatda.suggest.SuggestEntry;
import io.chatda.suggest.Suggestion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo corpus's vocabulary through the real import and index: body words, second words, no fragments. */
class SuggestVocabularyTest {

    @TempDir
    static Path dir;

    private static Library library;

    @BeforeAll
    static void importDemo() {
        DataDirectory data = new DataDirectory(dir).create();
        PrintWriter quiet = new PrintWriter(new StringWriter());
        library = Library.open(data);
        DemoCorpus.bundled().importInto(library, data, quiet, quiet);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private static List<String> texts(String typed) {
        return library.suggester().suggest(typed, 10).stream()
                .map(Suggestion::text)
                .toList();
    }

    @Test
    void aBodyOnlyWordCompletesFromItsPrefixHalfTypedSyllableInitialsAndEnglishModeTyping() {
        for (String typed : List.of("백트", "백ㅌ", "백트래", "백트랰", "ㅂㅌㄹ", "qorxm", "qorxmfo")) {
            assertThat(texts(typed)).as(typed).contains("백트래킹");
        }
        for (String typed : List.of("멱등", "멱ㄷ", "멱드", "ㅁㄷㅅ", "auremd")) {
            assertThat(texts(typed)).as(typed).contains("멱등성");
        }
        assertThat(texts("직렬")).contains("직렬화");
        assertThat(texts("백트랙킹")).as("a typo").contains("백트래킹");
    }

    @Test
    void englishWordsOfTheBodyComplete() {
        assertThat(texts("proce")).contains("process");
        assertThat(texts("process")).contains("process");
    }

    @Test
    void theSecondWordCompletes() {
        assertThat(texts("교착상태 예")).contains("교착상태 예방");
        assertThat(texts("thread po")).contains("thread pool");
        assertThat(texts("hash tab")).contains("hash table");
    }

    @Test
    void noFragmentsOfCompoundsOrLoanwords() {
        assertThat(texts("레디")).doesNotContain("리디");
        assertThat(texts("프로")).doesNotContain("지향 프로그래밍");
        assertThat(texts("ㄱ").get(0)).isNotEqualTo("관련 문서");
    }

    @Test
    void aDocumentSuggestionCarriesItsUrl() {
        Suggestion title = library.suggester().suggest("교착상태", 10).stream()
                .filter(s -> s.kind() == SuggestEntry.Kind.TITLE)
                .findFirst()
                .orElseThrow();
        assertThat(title.url()).endsWith("deadlock.md");
        assertThat(library.suggester().suggest("백트", 10).stream()
                        .filter(s -> s.text().equals("백트래킹"))
                        .findFirst()
                        .orElseThrow()
                        .url())
                .isEmpty();
    }
}
