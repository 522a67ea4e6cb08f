package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SimHashes are stored in crawl stores: the streamed computation must give the values the original one gave. */
class SimHashStreamingTest {

    /** The original: regex split, one string per shingle. */
    private static long reference(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> tokens = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                tokens.add(w);
            }
        }
        int[] weights = new int[64];
        int n = Math.max(1, tokens.size() - 3 + 1);
        for (int i = 0; i < n; i++) {
            StringBuilder shingle = new StringBuilder();
            for (int j = i; j < Math.min(tokens.size(), i + 3); j++) {
                shingle.append(tokens.get(j)).append(' ');
            }
            long h = SimHash.hash64(shingle.toString());
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    @Test
    void sameAsTheOriginalOnRandomText() {
        String[] pieces = {
            "검색",
            "엔진",
            "Search",
            "ENGINE",
            "x",
            "42",
            "Ⅻ",
            "½",
            "_",
            "-",
            " ",
            "  ",
            "\n",
            ".",
            "İstanbul",
            "ß",
            "𝐀𝐁",
            "😀",
            "\uD800",
            "é",
            "٣",
            "ǅ",
            "ʰ",
            ""
        };
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(15); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(SimHash.of(text.toString())).as(text.toString()).isEqualTo(reference(text.toString()));
        }
    }

    @Test
    void sameAsTheOriginalOnPageSizedText() {
        String[] words = {"검색", "엔진은", "Search", "ENGINE", "x", "42", "İstanbul", "ß", "𝐀𝐁", "é", "교착상태가"};
        String[] gaps = {" ", ", ", "\n", ". ", "😀", "-"};
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(3_000); i > 0; i--) {
                text.append(words[random.nextInt(words.length)]).append(gaps[random.nextInt(gaps.length)]);
            }
            assertThat(SimHash.of(text.toString())).isEqualTo(reference(text.toString()));
        }
    }
}
