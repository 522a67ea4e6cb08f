package io.chatda.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowerAsciiCharFilterTest {

    @Test
    void lowerCasesAsciiLettersOnlyAndKeepsOffsets() throws IOException {
        String pieces = "AZaz09 검색ÄÉİΣ\uD835\uDC00C++HTTP/2";
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(3_000); i > 0; i--) {
                text.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            LowerAsciiCharFilter filter = new LowerAsciiCharFilter(new StringReader(text.toString()));
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[1 + random.nextInt(700)];
            for (int n = filter.read(buffer, 0, buffer.length); n >= 0; n = filter.read(buffer, 0, buffer.length)) {
                out.append(buffer, 0, n);
            }
            StringBuilder expected = new StringBuilder();
            text.chars()
                    .forEach(c -> expected.append(
                            c < 128 ? String.valueOf((char) c).toLowerCase(Locale.ROOT) : String.valueOf((char) c)));
            assertThat(out.toString()).isEqualTo(expected.toString());
            assertThat(filter.correctOffset(out.length() / 2)).isEqualTo(out.length() / 2);
        }
    }
}
