package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextAnalysisTest {

    private final TextAnalysis analysis = TextAnalysis.standard();

    private List<String> korean(String text) {
        return analysis.analyze(text).get("korean");
    }

    private List<String> english(String text) {
        return analysis.analyze(text).get("english");
    }

    @Test
    void particlesAndEndingsAreStripped() {
        assertThat(korean("교착상태가 발생했습니다")).containsExactly("교착", "상태", "발생");
        assertThat(korean("교착상태가")).isEqualTo(korean("교착상태"));
        assertThat(korean("자료구조는 리스트를")).doesNotContain("는", "를").contains("자료", "구조", "리스트");
    }

    @Test
    void hanjaIsReadAsHangul() {
        assertThat(korean("漢字")).containsExactly("한자");
    }

    @Test
    void technicalWordsStayWholeInBothChains() {
        String text = "C++ and HTTP/2 with Node.js, C# too";
        assertThat(korean(text)).contains("c++", "http/2", "node.js", "csharp").doesNotContain("c", "2", "js");
        assertThat(english(text)).contains("cpp", "http_2", "node.js", "csharp").doesNotContain("c", "2", "node.j");
    }

    @Test
    void englishIsStemmedWithoutPossessivesOrStopWords() {
        assertThat(english("The crawler's queues were running")).containsExactly("crawler", "queue", "were", "run");
    }

    @Test
    void mixedTextIsAnalysedBothWays() {
        var tokens = analysis.analyze("Python의 자료구조는 lists");
        assertThat(tokens.get("korean")).contains("python", "자료", "구조", "lists");
        assertThat(tokens.get("english")).contains("list");
    }

    @Test
    void numbersStayWholeInTheEnglishChain() {
        assertThat(english("version 3.11 costs 1,000")).contains("3.11", "1,000");
    }

    @Test
    void urlWordsSplitAtPunctuation() {
        assertThat(analysis.analyze(PageDocuments.urlWords("https://docs.example.com/gimp-tool-crop.html"))
                        .get("url"))
                .containsExactly("docs", "example", "com", "gimp", "tool", "crop", "html");
    }

    @Test
    void userDictionaryKeepsNewWordsWhole(@TempDir Path dir) throws Exception {
        assertThat(korean("빅데이터를 챗다에서")).doesNotContain("빅데이터", "챗다");
        Path dict = dir.resolve("userdict.txt");
        Files.writeString(dict, "# product names\n빅데이터\n챗다\nKubeFlow\n", StandardCharsets.UTF_8);

        TextAnalysis custom = TextAnalysis.withUserDictionary(dict);

        assertThat(custom.analyze("빅데이터를 챗다에서").get("korean")).containsExactly("빅데이터", "챗다");
        assertThat(TextAnalysis.withUserDictionary(dir.resolve("absent.txt"))
                        .analyze("C++")
                        .get("korean"))
                .containsExactly("c++");
    }

    @Test
    void unreadableUserDictionaryIsASpecificError(@TempDir Path dir) throws Exception {
        Path dict = dir.resolve("userdict.txt");
        Files.write(dict, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThatThrownBy(() -> TextAnalysis.withUserDictionary(dict))
                .isInstanceOf(SearchIndexException.class)
                .hasMessageContaining("user dictionary");
    }
}
