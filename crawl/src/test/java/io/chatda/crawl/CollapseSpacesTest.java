package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The content hash's white-space folding must stay what the regex did: stored hashes depend on it. */
class CollapseSpacesTest {

    @Test
    void foldsLikeTheRegexOnRandomText() {
        char[] alphabet = {' ', ' ', '\t', '\n', '\r', '\f', 0x0B, '\u00A0', '\u3000', 'a', '가', '.', '\u2028'};
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = text.toString();
            assertThat(ContentHash.collapseSpaces(s))
                    .as("%s", s.chars().boxed().toList())
                    .isEqualTo(s.replaceAll("\\s+", " "));
        }
    }

    @Test
    void returnsTextWithSingleSpacesUnchanged() {
        String text = "검색 엔진 search engine";
        assertThat(ContentHash.collapseSpaces(text)).isSameAs(text);
    }
}
